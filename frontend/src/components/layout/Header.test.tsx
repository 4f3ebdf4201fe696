import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Header } from './Header';

describe('Header', () => {
  it('draws the logo as an inline SVG, with no text that needs a font', () => {
    const { container } = render(<Header />);
    const logo = container.querySelector('.brand .logo');
    expect(logo?.tagName.toLowerCase()).toBe('svg');
    expect(logo?.textContent).toBe('');
    expect(container.querySelector('.brand')?.textContent).toContain('Yu Jian Lab');
  });
});
