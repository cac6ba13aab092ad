/** The leads screens' one toast (e.g. "Lead deleted · Undo"); outlives navigation from detail to list. */
import { create } from 'zustand';

export interface LeadToast {
  id: number;
  message: string;
  action?: { label: string; run(): Promise<void> };
}

interface LeadToastState {
  toast: LeadToast | null;
  show(toast: Omit<LeadToast, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const useLeadToastStore = create<LeadToastState>()((set) => ({
  toast: null,
  show: (toast) => set({ toast: { ...toast, id: nextId++ } }),
  dismiss: (id) => set((state) => (state.toast?.id === id ? { toast: null } : state)),
}));
