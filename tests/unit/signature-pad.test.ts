import { describe, expect, it } from 'vitest';
import { MIN_SIGNATURE_LENGTH, SignatureStrokes, canvasPoint, fitFontSize, inkLength } from '../../renderer/features/proposals/signature-pad';

describe('signature strokes', () => {
  it('counts a drawn line as a signature, but not a tap or a tiny scribble', () => {
    const strokes = new SignatureStrokes();
    strokes.begin({ x: 10, y: 10 });
    strokes.end();
    expect(strokes.hasSignature()).toBe(false);

    strokes.begin({ x: 10, y: 10 });
    strokes.extend({ x: 20, y: 10 });
    strokes.end();
    expect(strokes.hasSignature()).toBe(false);

    strokes.begin({ x: 0, y: 50 });
    strokes.extend({ x: MIN_SIGNATURE_LENGTH, y: 50 });
    strokes.end();
    expect(strokes.hasSignature()).toBe(true);
    expect(strokes.all).toHaveLength(3);
  });

  it('ignores moves with no stroke open and repeated points, and clears everything', () => {
    const strokes = new SignatureStrokes();
    expect(strokes.extend({ x: 5, y: 5 })).toBe(false);
    strokes.begin({ x: 0, y: 0 });
    expect(strokes.drawing).toBe(true);
    expect(strokes.extend({ x: 0.2, y: 0.2 })).toBe(false);
    expect(strokes.extend({ x: 60, y: 0 })).toBe(true);
    strokes.end();
    expect(strokes.drawing).toBe(false);
    expect(strokes.extend({ x: 90, y: 0 })).toBe(false);
    expect(inkLength(strokes.all)).toBe(60);
    strokes.clear();
    expect(strokes.all).toHaveLength(0);
    expect(strokes.hasSignature()).toBe(false);
  });
});

describe('canvas geometry', () => {
  it('maps a pointer in a CSS-scaled box onto the canvas pixels, clamped to the canvas', () => {
    const box = { left: 100, top: 50, width: 400, height: 100 };
    const canvas = { width: 800, height: 200 };
    expect(canvasPoint({ clientX: 300, clientY: 100 }, box, canvas)).toEqual({ x: 400, y: 100 });
    expect(canvasPoint({ clientX: 0, clientY: 400 }, box, canvas)).toEqual({ x: 0, y: 200 });
  });

  it('shrinks a typed name until it fits, but not below the smallest size', () => {
    const measure = (size: number) => size * 10;
    expect(fitFontSize(measure, 500, 80)).toBe(50);
    expect(fitFontSize(measure, 5000, 80)).toBe(80);
    expect(fitFontSize(measure, 10, 80, 12)).toBe(12);
  });
});
