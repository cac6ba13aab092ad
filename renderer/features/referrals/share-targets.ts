/** Share URLs for a referral link, each on the platform's external-link allow-lists. */
import { z } from 'zod';

export const shareRecipientSchema = z
  .string()
  .trim()
  .min(1, 'Enter the email address to share the link with.')
  .pipe(z.email('Enter an email address such as name@example.com.'));

export function emailShareUrl(recipient: string, linkName: string, url: string): string {
  const params = new URLSearchParams({ subject: `${linkName} — SISO`, body: `Have a look at SISO: ${url}` });
  // mailto wants %20 for spaces, not "+".
  return `mailto:${encodeURIComponent(recipient).replace(/%40/g, '@')}?${params.toString().replace(/\+/g, '%20')}`;
}

export function linkedInShareUrl(url: string): string {
  return `https://www.linkedin.com/sharing/share-offsite/?${new URLSearchParams({ url }).toString()}`;
}

export function xShareUrl(url: string, text: string): string {
  return `https://x.com/intent/tweet?${new URLSearchParams({ url, text }).toString()}`;
}
