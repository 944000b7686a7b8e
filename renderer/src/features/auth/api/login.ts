import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import type { Params } from '../../../lib/contract';
import { useSession } from '../../../lib/session';

/** What the sign-in form sends; the domain as the operator types it ("ROOT/Sales"), see toLoginDomain. */
export type LoginInput = Required<Pick<Params<'login'>, 'username' | 'password' | 'domain'>>;

/** Signs in and remembers who is signed in; the transport keeps the session key. */
export function useLogin() {
  const client = useApi();
  const signIn = useSession((s) => s.signIn);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => client.login(input.username, input.password, input.domain),
    onSuccess: (user) => {
      queryClient.clear();
      signIn(user);
    },
  });
}

export function useLogout() {
  const client = useApi();
  const signOut = useSession((s) => s.signOut);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.logout(),
    onSettled: () => {
      signOut();
      queryClient.clear();
    },
  });
}
