import { lazy, Suspense, useState } from 'react';
import { create } from 'zustand';

export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  /** An extra checkbox (e.g. "cleanup"); its value is returned. */
  option?: { label: string; hint?: string };
}

export interface ConfirmResult {
  confirmed: boolean;
  option: boolean;
}

export type ConfirmRequest = ConfirmOptions & { resolve: (result: ConfirmResult) => void };

interface ConfirmState {
  request: ConfirmRequest | null;
  open(options: ConfirmOptions): Promise<ConfirmResult>;
  close(result: ConfirmResult): void;
}

const useConfirmStore = create<ConfirmState>((set, get) => ({
  request: null,
  open: (options) =>
    new Promise<ConfirmResult>((resolve) => {
      get().request?.resolve({ confirmed: false, option: false });
      set({ request: { ...options, resolve } });
    }),
  close: (result) => {
    get().request?.resolve(result);
    set({ request: null });
  },
}));

/** `if ((await confirm({...})).confirmed) ...` — one dialog host in the shell serves every page. */
export function useConfirm(): (options: ConfirmOptions) => Promise<ConfirmResult> {
  return useConfirmStore((s) => s.open);
}

// The dialog (Mantine Modal, focus trap, scroll lock) loads with the first confirmation, not with
// the login screen; by then the pages have usually loaded what it needs.
const ConfirmModal = lazy(async () => ({ default: (await import('./confirm-modal')).ConfirmModal }));

export function ConfirmHost() {
  const request = useConfirmStore((s) => s.request);
  const close = useConfirmStore((s) => s.close);
  const [used, setUsed] = useState(false);
  if (request !== null && !used) setUsed(true);
  if (!used) return null;
  return (
    <Suspense fallback={null}>
      <ConfirmModal request={request} onClose={close} />
    </Suspense>
  );
}
