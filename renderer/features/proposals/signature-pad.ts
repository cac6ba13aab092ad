/**
 * The signature pad: ink strokes drawn with a pointer (mouse, pen, touch pad, finger) on a canvas,
 * or a typed name set as a signature, and the PNG of either for the signed PDF. The stroke model
 * and the geometry are plain functions so they can be tested without a canvas.
 */

export interface PadPoint {
  x: number;
  y: number;
}

/** The strokes drawn so far, in canvas pixels; a stroke is one press-move-release. */
export class SignatureStrokes {
  private readonly strokes: PadPoint[][] = [];
  private current: PadPoint[] | null = null;

  begin(point: PadPoint): void {
    this.current = [point];
    this.strokes.push(this.current);
  }

  /** Adds a point to the stroke being drawn; false when no stroke is open or the point is a repeat. */
  extend(point: PadPoint): boolean {
    const stroke = this.current;
    if (!stroke) return false;
    const last = stroke[stroke.length - 1];
    if (last && Math.hypot(last.x - point.x, last.y - point.y) < MIN_POINT_DISTANCE) return false;
    stroke.push(point);
    return true;
  }

  end(): void {
    this.current = null;
  }

  clear(): void {
    this.strokes.length = 0;
    this.current = null;
  }

  get drawing(): boolean {
    return this.current !== null;
  }

  /**
   * Whether there is enough ink to count as a signature: a stray tap or a tiny scribble is not one
   * (the total path length must reach `minLength` canvas pixels).
   */
  hasSignature(minLength = MIN_SIGNATURE_LENGTH): boolean {
    return inkLength(this.strokes) >= minLength;
  }

  get all(): readonly (readonly PadPoint[])[] {
    return this.strokes;
  }
}

/** Closer points than this (canvas pixels) add nothing visible and only grow the stroke. */
const MIN_POINT_DISTANCE = 0.75;
/** Less ink than this (canvas pixels of path) is a tap or a slip, not a signature. */
export const MIN_SIGNATURE_LENGTH = 40;

export function inkLength(strokes: readonly (readonly PadPoint[])[]): number {
  let length = 0;
  for (const stroke of strokes) {
    for (let index = 1; index < stroke.length; index += 1) {
      const a = stroke[index - 1]!;
      const b = stroke[index]!;
      length += Math.hypot(b.x - a.x, b.y - a.y);
    }
  }
  return length;
}

/**
 * A pointer position (client coordinates) in canvas pixels: the canvas is drawn at device-pixel
 * resolution and may be scaled by CSS, so the box it shows in is mapped onto its pixel size.
 */
export function canvasPoint(
  client: { clientX: number; clientY: number },
  box: { left: number; top: number; width: number; height: number },
  canvas: { width: number; height: number },
): PadPoint {
  const scaleX = box.width > 0 ? canvas.width / box.width : 1;
  const scaleY = box.height > 0 ? canvas.height / box.height : 1;
  const x = Math.min(canvas.width, Math.max(0, (client.clientX - box.left) * scaleX));
  const y = Math.min(canvas.height, Math.max(0, (client.clientY - box.top) * scaleY));
  return { x, y };
}

/** The largest font size (≤ `maxSize`) at which `measure(size)` fits `maxWidth`; at least `minSize`. */
export function fitFontSize(measure: (size: number) => number, maxWidth: number, maxSize: number, minSize = 12): number {
  let size = maxSize;
  while (size > minSize && measure(size) > maxWidth) size -= 2;
  return Math.max(minSize, size);
}

const INK = '#14213d';
const BASELINE_COLOUR = '#8a94a6';
/** A handwriting-like face where the system has one; an italic serif still reads as a signature. */
const TYPED_FONT = '"Segoe Script", "Brush Script MT", "Snell Roundhand", "URW Chancery L", cursive, serif';

function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This device cannot draw on the signature pad. Choose "Sign with typed name instead" or use another device.');
  return context;
}

/** Clears the canvas to white and draws the signing line the ink sits on. */
function paintBackground(context: CanvasRenderingContext2D, width: number, height: number): void {
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.strokeStyle = BASELINE_COLOUR;
  context.lineWidth = Math.max(1, height / 160);
  context.beginPath();
  context.moveTo(width * 0.06, height * 0.78);
  context.lineTo(width * 0.94, height * 0.78);
  context.stroke();
}

function paintStrokes(context: CanvasRenderingContext2D, strokes: readonly (readonly PadPoint[])[], lineWidth: number): void {
  context.strokeStyle = INK;
  context.fillStyle = INK;
  context.lineWidth = lineWidth;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  for (const stroke of strokes) {
    const first = stroke[0];
    if (!first) continue;
    if (stroke.length === 1) {
      context.beginPath();
      context.arc(first.x, first.y, lineWidth / 2, 0, Math.PI * 2);
      context.fill();
      continue;
    }
    context.beginPath();
    context.moveTo(first.x, first.y);
    // Curves through the midpoints smooth the polyline a pointer reports into a pen-like line.
    for (let index = 1; index < stroke.length - 1; index += 1) {
      const point = stroke[index]!;
      const next = stroke[index + 1]!;
      context.quadraticCurveTo(point.x, point.y, (point.x + next.x) / 2, (point.y + next.y) / 2);
    }
    const last = stroke[stroke.length - 1]!;
    context.lineTo(last.x, last.y);
    context.stroke();
  }
}

/** Sizes the canvas's pixels to its box times the device pixel ratio, so ink is sharp. */
export function fitCanvasToBox(canvas: HTMLCanvasElement, ratio = window.devicePixelRatio || 1): void {
  const box = canvas.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width * ratio));
  const height = Math.max(1, Math.round(box.height * ratio));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
}

export interface SignaturePad {
  /** Whether enough has been drawn to count as a signature. */
  hasSignature(): boolean;
  clear(): void;
  /** Stops listening to the canvas. */
  detach(): void;
}

/**
 * Lets the person draw on `canvas` with any pointer. Pointer capture keeps a stroke going when the
 * pointer leaves the box mid-signature; `onChange` reports whether there is a signature now.
 */
export function attachSignaturePad(canvas: HTMLCanvasElement, onChange: (hasSignature: boolean) => void): SignaturePad {
  const strokes = new SignatureStrokes();
  const context = context2d(canvas);
  const lineWidth = () => Math.max(2, canvas.height / 70);
  const repaint = () => {
    paintBackground(context, canvas.width, canvas.height);
    paintStrokes(context, strokes.all, lineWidth());
  };
  fitCanvasToBox(canvas);
  repaint();

  const pointFor = (event: PointerEvent) => canvasPoint(event, canvas.getBoundingClientRect(), canvas);
  let reported = false;
  const report = () => {
    const now = strokes.hasSignature();
    if (now !== reported) {
      reported = now;
      onChange(now);
    }
  };

  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    strokes.begin(pointFor(event));
    repaint();
  };
  const onPointerMove = (event: PointerEvent) => {
    if (!strokes.drawing) return;
    event.preventDefault();
    // Coalesced events carry the points a fast stroke made between frames.
    const events = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
    let added = false;
    for (const each of events.length > 0 ? events : [event]) added = strokes.extend(pointFor(each)) || added;
    if (added) {
      repaint();
      report();
    }
  };
  const onPointerUp = (event: PointerEvent) => {
    if (!strokes.drawing) return;
    if (canvas.hasPointerCapture(event.pointerId)) canvas.releasePointerCapture(event.pointerId);
    strokes.end();
    report();
  };
  const onResize = () => {
    // Resizing the canvas wipes it; the strokes are in old pixels, so start over rather than distort them.
    const before = `${canvas.width}x${canvas.height}`;
    fitCanvasToBox(canvas);
    if (`${canvas.width}x${canvas.height}` !== before) strokes.clear();
    repaint();
    report();
  };

  canvas.addEventListener('pointerdown', onPointerDown);
  canvas.addEventListener('pointermove', onPointerMove);
  canvas.addEventListener('pointerup', onPointerUp);
  canvas.addEventListener('pointercancel', onPointerUp);
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(onResize) : null;
  observer?.observe(canvas);

  return {
    hasSignature: () => strokes.hasSignature(),
    clear() {
      strokes.clear();
      repaint();
      report();
    },
    detach() {
      canvas.removeEventListener('pointerdown', onPointerDown);
      canvas.removeEventListener('pointermove', onPointerMove);
      canvas.removeEventListener('pointerup', onPointerUp);
      canvas.removeEventListener('pointercancel', onPointerUp);
      observer?.disconnect();
    },
  };
}

/** Draws a typed name on the canvas as the signature (the keyboard path); blank names leave the line only. */
export function drawTypedSignature(canvas: HTMLCanvasElement, name: string): void {
  fitCanvasToBox(canvas);
  const context = context2d(canvas);
  paintBackground(context, canvas.width, canvas.height);
  const text = name.trim();
  if (!text) return;
  const maxSize = Math.round(canvas.height * 0.5);
  const size = fitFontSize(
    (candidate) => {
      context.font = `italic ${candidate}px ${TYPED_FONT}`;
      return context.measureText(text).width;
    },
    canvas.width * 0.86,
    maxSize,
  );
  context.font = `italic ${size}px ${TYPED_FONT}`;
  context.fillStyle = INK;
  context.textAlign = 'center';
  context.textBaseline = 'alphabetic';
  context.fillText(text, canvas.width / 2, canvas.height * 0.74);
}

/** The canvas as PNG bytes, for the signed PDF's acceptance page. */
export function canvasPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) {
        reject(new Error('The signature could not be captured from the pad. Clear it, sign again and try once more.'));
        return;
      }
      blob.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), reject);
    }, 'image/png');
  });
}
