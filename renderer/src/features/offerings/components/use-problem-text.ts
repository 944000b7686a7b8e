import { useCallback } from 'react';
import { useT } from '../../../lib/i18n';
import { useServerMessage } from '../../../lib/server-message';
import type { Problem } from '../lib/checks';

/** The text of a wizard problem in the locale: the UI's own text or the core's message. */
export function useProblemText(): (problem: Problem | undefined) => string | undefined {
  const t = useT();
  const serverMessage = useServerMessage();
  return useCallback(
    (problem) => {
      if (!problem) return undefined;
      if ('ui' in problem) return t(problem.ui, problem.vars);
      return serverMessage(problem.server, problem.params, problem.server);
    },
    [t, serverMessage],
  );
}
