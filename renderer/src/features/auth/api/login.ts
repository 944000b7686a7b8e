import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import { useSession } from '../../../lib/session';

export interface LoginInput {
  username: string;
  password: string;
  domain: string;
}

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
