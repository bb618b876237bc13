// Minimal PNG decoder for the renderer's own output (8-bit RGB/RGBA/grey, not interlaced), so
// tests and the lab can read pixels without a native image library.

import { inflateSync } from 'node:zlib';

export interface RgbaImage {
  readonly widthPx: number;
  readonly heightPx: number;
  /** Row-major RGBA, 4 bytes per pixel. */
  readonly data: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Chunks {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly idat: Buffer[];
}

function readChunks(png: Buffer): Chunks {
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let off = 8; off + 8 <= png.length;) {
    const len = png.readUInt32BE(off);
    const type = png.toString('latin1', off + 4, off + 8);
    const body = png.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      const colour = body[9];
      const interlace = body[12];
      channels = colour === 6 ? 4 : colour === 2 ? 3 : colour === 0 ? 1 : colour === 4 ? 2 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0)
        throw new Error(`decodePng: unsupported PNG (depth ${depth}, colour type ${colour}, interlace ${interlace})`);
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    off += 12 + len;
  }
  return { width, height, channels, idat };
}

function unfilterByte(filter: number | undefined, v: number, a: number, b: number, c: number, y: number): number {
  let out: number;
  switch (filter) {
    case 0:
      out = v;
      break;
    case 1:
      out = v + a;
      break;
    case 2:
      out = v + b;
      break;
    case 3:
      out = v + ((a + b) >> 1);
      break;
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      out = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      break;
    }
    default:
      throw new Error(`decodePng: bad filter ${filter} in row ${y}`);
  }
  return out;
}

function unfilter(raw: Buffer, width: number, height: number, channels: number): Uint8Array {
  const stride = width * channels;
  const px = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    for (let x = 0; x < stride; x += 1) {
      const a = x >= channels ? px[dst + x - channels]! : 0;
      const b = y > 0 ? px[dst - stride + x]! : 0;
      const c = x >= channels && y > 0 ? px[dst - stride + x - channels]! : 0;
      const v = raw[src + x]!;
      px[dst + x] = unfilterByte(filter, v, a, b, c, y) & 0xff;
    }
  }
  return px;
}

export function decodePng(png: Buffer): RgbaImage {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('decodePng: not a PNG file');
  const { width, height, channels, idat } = readChunks(png);
  const raw = inflateSync(Buffer.concat(idat));
  const px = unfilter(raw, width, height, channels);
  if (channels === 4) return { widthPx: width, heightPx: height, data: px };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    const s = i * channels;
    const grey = channels <= 2;
    rgba[i * 4] = px[s]!;
    rgba[i * 4 + 1] = grey ? px[s]! : px[s + 1]!;
    rgba[i * 4 + 2] = grey ? px[s]! : px[s + 2]!;
    rgba[i * 4 + 3] = channels === 2 ? px[s + 1]! : channels === 4 ? px[s + 3]! : 255;
  }
  return { widthPx: width, heightPx: height, data: rgba };
}
