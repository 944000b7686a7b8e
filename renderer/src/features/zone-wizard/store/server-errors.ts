import { create } from 'zustand';
import type { FieldError, FieldErrors } from '../model/validators';

/** Results of the server-side checks (zone name, host URLs), by field path. Not persisted. */
interface ServerErrorsState {
  errors: FieldErrors;
  set(path: string, error: FieldError | undefined): void;
  clear(): void;
}

export const useServerErrors = create<ServerErrorsState>((set) => ({
  errors: {},
  set: (path, error) =>
    set((s) => {
      const current = s.errors[path];
      if (current?.key === error?.key && JSON.stringify(current?.vars) === JSON.stringify(error?.vars)) return s;
      const errors = { ...s.errors };
      if (error) errors[path] = error;
      else delete errors[path];
      return { errors };
    }),
  clear: () => set({ errors: {} }),
}));
