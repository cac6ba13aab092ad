/** The Welcome screen's sign-in form: what it accepts and the message shown for each field. */
import { z } from 'zod';

export const signInFormSchema = z.object({
  email: z.string().trim().min(1, 'Enter the email address of your partner account.').pipe(z.email('Enter an email address such as name@example.com.')),
  password: z.string().min(1, 'Enter your password.'),
  serverUrl: z
    .string()
    .trim()
    .min(1, 'Enter the server address, e.g. https://your-project.supabase.co.')
    .pipe(z.url({ protocol: /^https?$/, error: 'Use a full http(s) address, e.g. https://your-project.supabase.co.' })),
});
export type SignInFormInput = z.input<typeof signInFormSchema>;
export type SignInFormValues = z.output<typeof signInFormSchema>;
export type SignInFormErrors = Partial<Record<keyof SignInFormInput, string>>;

export function validateSignInForm(
  input: SignInFormInput,
): { ok: true; values: SignInFormValues } | { ok: false; errors: SignInFormErrors } {
  const result = signInFormSchema.safeParse(input);
  if (result.success) return { ok: true, values: result.data };
  const errors: SignInFormErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as keyof SignInFormInput | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}
