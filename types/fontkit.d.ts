// The part of fontkit 2 that the export uses (the package ships no types).
declare module "fontkit" {
  export interface Glyph {
    id: number;
    advanceWidth: number;
  }
  export interface GlyphRun {
    advanceWidth: number;
    glyphs: Glyph[];
  }
  export interface Font {
    postscriptName: string;
    familyName: string;
    numGlyphs: number;
    /** the code points the font maps */
    characterSet: number[];
    unitsPerEm: number;
    ascent: number;
    descent: number;
    capHeight: number;
    layout(text: string): GlyphRun;
    glyphForCodePoint(codePoint: number): Glyph;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export interface FontCollection {
    fonts: Font[];
    getFont(postscriptName: string): Font | null;
  }
  export function openSync(path: string, postscriptName?: string): Font | FontCollection;
  export function create(data: Buffer, postscriptName?: string): Font | FontCollection;
  const fontkit: { openSync: typeof openSync; create: typeof create };
  export default fontkit;
}
