import { create } from 'zustand';

export const SECTIONS = ['session', 'leaderboard', 'supervisor', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

interface NavigationState {
  section: Section;
  go(section: Section): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  section: 'session',
  go: (section) => set({ section }),
}));
