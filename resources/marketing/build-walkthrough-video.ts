/**
 * Records product-walkthrough.webm, the short video the backend seed publishes in the marketing
 * center's video category: an animated walkthrough drawn on a canvas in headless Chromium and
 * encoded by the browser's own MediaRecorder (VP8 WebM). Run with
 * `npx tsx resources/marketing/build-walkthrough-video.ts` after changing it; the file is committed
 * so the seed's sha256 stays stable.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  // Passed as source text: the bundler's helpers must not leak into the page.
  const base64 = await page.evaluate<string>(`(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 360;
    document.body.append(canvas);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    const scenes = ['SISO platform walkthrough', 'Projects and milestones', 'The client portal', 'Live reporting', 'Book a demo with your partner'];
    const stream = canvas.captureStream(25);
    const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: 400_000 });
    const chunks = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const done = new Promise((resolve) => (recorder.onstop = () => resolve()));
    recorder.start();
    const started = performance.now();
    const duration = 7500;
    await new Promise((resolve) => {
      const frame = () => {
        const t = performance.now() - started;
        const scene = Math.min(scenes.length - 1, Math.floor((t / duration) * scenes.length));
        ctx.fillStyle = '#1A1A2E';
        ctx.fillRect(0, 0, 640, 360);
        ctx.fillStyle = '#FF5722';
        ctx.fillRect(0, 330, (640 * t) / duration, 30);
        ctx.beginPath();
        ctx.arc(80, 80, 36, 0, Math.PI * 2);
        ctx.fill();
        ctx.fillStyle = '#FAFAF7';
        ctx.font = 'bold 30px sans-serif';
        ctx.fillText(scenes[scene] ?? '', 140, 92);
        for (let i = 0; i < 4; i += 1) {
          const height = 40 + ((i + 1) * 30 * ((t / 1000 + i) % 3)) / 3;
          ctx.fillStyle = i % 2 === 0 ? '#008C8C' : '#FF5722';
          ctx.fillRect(120 + i * 110, 300 - height, 70, height);
        }
        if (t < duration) requestAnimationFrame(frame);
        else resolve();
      };
      requestAnimationFrame(frame);
    });
    recorder.stop();
    await done;
    const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  })()`);
  const bytes = Buffer.from(base64, 'base64');
  await writeFile(join(here, 'product-walkthrough.webm'), bytes);
  process.stdout.write(`product-walkthrough.webm ${bytes.length} bytes\n`);
} finally {
  await browser.close();
}
