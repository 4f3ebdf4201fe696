import { act, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useIdle } from './useIdle';

function Probe(props: { onIdle: () => void; onActive: () => void }) {
  useIdle(5 * 60_000, props.onIdle, props.onActive);
  return null;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('useIdle', () => {
  it('reports idle after 5 minutes without input, and active on the next input', () => {
    const onIdle = vi.fn();
    const onActive = vi.fn();
    render(<Probe onIdle={onIdle} onActive={onActive} />);
    act(() => vi.advanceTimersByTime(5 * 60_000 - 1));
    expect(onIdle).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onIdle).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(window, { key: 'a' });
    expect(onActive).toHaveBeenCalledTimes(1);
  });

  it('restarts the countdown on every input', () => {
    const onIdle = vi.fn();
    render(<Probe onIdle={onIdle} onActive={vi.fn()} />);
    act(() => vi.advanceTimersByTime(4 * 60_000));
    fireEvent.mouseMove(window);
    act(() => vi.advanceTimersByTime(4 * 60_000));
    fireEvent.touchStart(window);
    act(() => vi.advanceTimersByTime(4 * 60_000));
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('does not report active for input that was never idle', () => {
    const onActive = vi.fn();
    render(<Probe onIdle={vi.fn()} onActive={onActive} />);
    fireEvent.mouseDown(window);
    expect(onActive).not.toHaveBeenCalled();
  });

  it('keeps one timer when given new handlers on each render', () => {
    const onIdle = vi.fn();
    const { rerender } = render(<Probe onIdle={() => onIdle('first')} onActive={vi.fn()} />);
    act(() => vi.advanceTimersByTime(3 * 60_000));
    rerender(<Probe onIdle={() => onIdle('second')} onActive={vi.fn()} />);
    act(() => vi.advanceTimersByTime(2 * 60_000));
    expect(onIdle).toHaveBeenCalledWith('second');
  });
});
