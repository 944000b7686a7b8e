import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import type { Params } from '../../../lib/contract';
import type { MessageKey } from '../../../lib/i18n';
import { queryKeys } from '../../../lib/query-keys';

export function useUpdateConfiguration() {
  const client = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Params<'updateConfiguration'>) => client.object('updateConfiguration', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.settings.all }),
  });
}

/** Client-side checks by the setting's declared type (a message key); the server has the last word. */
export function validateSettingValue(type: string | undefined, value: string): MessageKey | undefined {
  const kind = (type ?? '').toLowerCase();
  if (kind === 'boolean' && value !== 'true' && value !== 'false') return 'settings.invalid.boolean';
  if ((kind === 'integer' || kind === 'long' || kind === 'short') && !/^-?\d+$/.test(value.trim()))
    return 'settings.invalid.integer';
  if (
    (kind === 'float' || kind === 'double' || kind === 'number') &&
    (value.trim() === '' || Number.isNaN(Number(value)))
  )
    return 'settings.invalid.number';
  return undefined;
}
