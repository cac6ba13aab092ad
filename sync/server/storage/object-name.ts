/**
 * Bucket ids and object names from URLs. Names only ever reach the database; files on disk are
 * named by object id. Still, names that could be read as paths elsewhere (`..`, a leading `/`,
 * empty segments, backslashes, control characters) are refused like Supabase refuses invalid keys.
 */
import { invalidKey, invalidRequest } from './storage-errors';

const bucketIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/;
const maxNameLength = 1024;

export function checkBucketId(id: string): string {
  if (!bucketIdPattern.test(id) || id.includes('..')) throw invalidRequest(`Invalid bucket id: ${id}`);
  return id;
}

export function checkObjectName(name: string): string {
  const refused =
    name.length === 0 ||
    name.length > maxNameLength ||
    name.startsWith('/') ||
    name.includes('\\') ||
    controlCharacters.test(name) ||
    name.split('/').some((segment) => segment === '' || segment === '.' || segment === '..');
  if (refused) throw invalidKey(name);
  return name;
}

/** Percent-decoded path segments; a malformed escape is an invalid key. */
export function decodeSegments(path: string): string[] {
  return path
    .split('/')
    .filter((segment, index, all) => !(segment === '' && (index === 0 || index === all.length - 1)))
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw invalidKey(path);
      }
    });
}

/** `bucket/name…` split into a checked bucket id and object name. */
export function bucketAndName(segments: string[]): { bucketId: string; name: string } {
  const [bucket, ...rest] = segments;
  if (!bucket) throw invalidRequest('A bucket id is required');
  return { bucketId: checkBucketId(bucket), name: checkObjectName(rest.join('/')) };
}
