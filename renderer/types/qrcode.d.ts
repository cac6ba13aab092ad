/**
 * qrcode's browser API as the renderer sees it (tsconfig.web.json maps `qrcode` here). The
 * published @types/qrcode opens with `/// <reference types="node" />` for its file and stream
 * renderers, which would hand every renderer file Node's globals; the browser build has neither.
 */
export type QRCodeErrorCorrectionLevel = 'low' | 'medium' | 'quartile' | 'high' | 'L' | 'M' | 'Q' | 'H';

export interface QRCodeOptions {
  version?: number;
  errorCorrectionLevel?: QRCodeErrorCorrectionLevel;
  maskPattern?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

export interface QRCodeRenderersOptions extends QRCodeOptions {
  margin?: number;
  scale?: number;
  width?: number;
  color?: { dark?: string; light?: string };
}

export interface QRCodeToDataURLOptions extends QRCodeRenderersOptions {
  type?: 'image/png' | 'image/jpeg' | 'image/webp';
  rendererOpts?: { quality?: number };
}

export interface QRCodeToStringOptions extends QRCodeRenderersOptions {
  type?: 'utf8' | 'svg' | 'terminal';
}

export interface BitMatrix {
  /** Modules per side. */
  size: number;
  /** One byte per module, row by row: 1 for dark. */
  data: Uint8Array;
  get(row: number, col: number): number;
  isReserved(row: number, col: number): number;
}

export interface QRCode {
  modules: BitMatrix;
  version: number;
}

declare const QRCode: {
  create(text: string, options?: QRCodeOptions): QRCode;
  toDataURL(text: string, options?: QRCodeToDataURLOptions): Promise<string>;
  toString(text: string, options?: QRCodeToStringOptions): Promise<string>;
};
export default QRCode;
