import { create } from 'zustand';

/**
 * The automatic part of my own status. Kept in a store, not in a component, so that a page change
 * never forgets that away was set by idle detection (and so should end on the next activity).
 */
export interface MyStatusState {
  /** Away was set because the user went idle, not chosen by hand. */
  autoAway: boolean;
  /** What the last automatic change did, for the My status panel. */
  notice?: string;
  /** Idle detection set the status to away. */
  wentAway(notice: string): void;
  /** Activity after an automatic away set the status back to online. */
  cameBack(notice: string): void;
  /** The user chose a status by hand: activity must not override it. */
  choseByHand(): void;
  clear(): void;
}

export const useMyStatusStore = create<MyStatusState>()((set) => ({
  autoAway: false,
  notice: undefined,
  wentAway: (notice) => set({ autoAway: true, notice }),
  cameBack: (notice) => set({ autoAway: false, notice }),
  choseByHand: () => set({ autoAway: false, notice: undefined }),
  clear: () => set({ autoAway: false, notice: undefined }),
}));
