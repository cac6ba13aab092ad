/**
 * The proposal files of a device against the local backend: a kept PDF waits while the server is
 * unreachable, then uploads to the partner's folder of the private `proposals` bucket; a file in
 * another partner's folder is refused and kept with the reason; opening reads the device copy
 * first, else downloads and checks the recorded sha256 (and keeps the download), else says why
 * (offline, no server, not found, checksum mismatch).
 */
import 'fake-indexeddb/auto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROPOSAL_BUCKET,
  forgetProposalFile,
  keepProposalFile,
  listWaitingProposalFiles,
  openProposalFile,
  uploadWaitingProposalFiles,
} from '../../renderer/features/proposals/proposal-files';
import { sha256Hex } from '../../renderer/platform/sha256';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { clientFor, startTestBackend, type TestBackend } from '../fixtures/backend';

let backend: TestBackend;
let client: SupabaseClient;
let partnerId: string;

const pdfBytes = (label: string) => new TextEncoder().encode(`%PDF-1.7\n% ${label}\n%%EOF\n`);

beforeAll(async () => {
  backend = await startTestBackend();
  const signedIn = await backend.signIn('active');
  client = signedIn.client;
  partnerId = signedIn.userId;
}, 60_000);

afterAll(async () => {
  await backend?.close();
});

describe('proposal files', () => {
  it('keeps a file waiting while the server is unreachable, then uploads it to its path', async () => {
    const bytes = pdfBytes('first');
    const sha256 = await sha256Hex(bytes);
    const filePath = `${partnerId}/proposal-a/version-a.pdf`;
    await keepProposalFile({ activityId: 'version-a', partnerId, filePath, sha256, bytes });
    expect((await listWaitingProposalFiles(partnerId)).map((row) => row.activityId)).toEqual(['version-a']);

    const unreachable = clientFor('http://127.0.0.1:9', backend.anonKey);
    const offline = await uploadWaitingProposalFiles(unreachable, partnerId, true);
    expect(offline.uploaded).toBe(0);
    expect(offline.failed).toMatch(/^A proposal file did not upload yet \(.+\); it is kept on this device/);
    expect(await listWaitingProposalFiles(partnerId)).toHaveLength(1);

    expect(await uploadWaitingProposalFiles(client, partnerId, false)).toEqual({ uploaded: 1, failed: null });
    expect(await listWaitingProposalFiles(partnerId)).toEqual([]);
    const { data } = await client.storage.from(PROPOSAL_BUCKET).download(filePath);
    expect(await sha256Hex(new Uint8Array(await data!.arrayBuffer()))).toBe(sha256);
    // Still on the device after the upload: opening needs no network.
    expect(await openProposalFile({ activityId: 'version-a', filePath, sha256 }, { client: null, online: false })).toEqual({ ok: true, bytes });
  });

  it('keeps a refused upload with its reason and does not retry it until asked', async () => {
    const bytes = pdfBytes('not mine');
    const filePath = `${seedUsers.performer.id}/proposal-x/version-x.pdf`;
    await keepProposalFile({ activityId: 'version-x', partnerId, filePath, sha256: await sha256Hex(bytes), bytes });
    const round = await uploadWaitingProposalFiles(client, partnerId, true);
    expect(round.uploaded).toBe(0);
    expect(round.failed).toMatch(/^The server refused a proposal file \(.+\)\. It is kept on this device/);
    const [waiting] = await listWaitingProposalFiles(partnerId);
    expect(waiting?.refused).toMatch(/^The server refused a proposal file/);
    expect(await uploadWaitingProposalFiles(client, partnerId, false)).toEqual({ uploaded: 0, failed: null });
    await forgetProposalFile('version-x');
    expect(await listWaitingProposalFiles(partnerId)).toEqual([]);
  });

  it('downloads a file that is not on the device, checks it and keeps it; says why when it cannot', async () => {
    const bytes = pdfBytes('from another device');
    const sha256 = await sha256Hex(bytes);
    const filePath = `${partnerId}/proposal-b/version-b.pdf`;
    const uploaded = await client.storage.from(PROPOSAL_BUCKET).upload(filePath, new Blob([bytes], { type: 'application/pdf' }), { contentType: 'application/pdf' });
    expect(uploaded.error).toBeNull();
    const ref = { activityId: 'version-b', filePath, sha256 };

    const offline = await openProposalFile(ref, { client, online: false });
    expect(offline).toEqual({ ok: false, message: 'The file is not on this device and you are offline. Connect to the internet and try again.' });
    const noServer = await openProposalFile(ref, { client: null, online: true });
    expect(noServer).toEqual({ ok: false, message: 'The file is not on this device, and this workspace has no server to download it from.' });

    const tampered = await openProposalFile({ ...ref, sha256: await sha256Hex(pdfBytes('what was saved')) }, { client, online: true });
    expect(tampered.ok).toBe(false);
    expect(!tampered.ok && tampered.message).toMatch(/does not match the checksum recorded when it was saved \(checksum mismatch\), so it was not opened/);

    const missing = await openProposalFile({ activityId: 'version-c', filePath: `${partnerId}/proposal-b/version-c.pdf`, sha256 }, { client, online: true });
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.message).toMatch(/^The file was not found on SISO's server\./);

    expect(await openProposalFile(ref, { client, online: true })).toEqual({ ok: true, bytes });
    // The download was kept: it now opens offline too.
    expect(await openProposalFile(ref, { client: null, online: false })).toEqual({ ok: true, bytes });
  });

  it('says a legacy proposal kept no file, and keeps demo files without queueing them', async () => {
    const legacy = await openProposalFile({ activityId: 'legacy-row', filePath: null, sha256: null }, { client, online: true });
    expect(legacy).toEqual({ ok: false, message: 'This proposal was saved before proposal history, so its file was not kept. Save a new version to keep one.' });

    const bytes = pdfBytes('demo');
    const sha256 = await sha256Hex(bytes);
    await keepProposalFile({ activityId: 'demo-version', partnerId, filePath: `${partnerId}/demo/demo-version.pdf`, sha256, bytes, upload: false });
    expect(await listWaitingProposalFiles(partnerId)).toEqual([]);
    expect(await openProposalFile({ activityId: 'demo-version', filePath: `${partnerId}/demo/demo-version.pdf`, sha256 }, { client: null, online: false })).toEqual({ ok: true, bytes });

    await expect(keepProposalFile({ activityId: 'wrong', partnerId, filePath: `${partnerId}/x/wrong.pdf`, sha256: await sha256Hex(pdfBytes('other')), bytes })).rejects.toThrow(
      /changed while it was being kept/,
    );
  });
});
