// A number typed with a Chinese input method comes in full-width digits (２０２３): the same
// number. Only for fields that hold a number, never for text, which is kept as typed.

/** "２０２３" → "2023"; every other character as it is. */
export function asciiDigits(value: string): string {
  return value.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
}

/** The number a person typed in a number field (full-width digits and spaces around allowed), NaN when it is none. */
export function typedNumber(value: string): number {
  const ascii = asciiDigits(value).trim();
  return ascii === "" ? NaN : Number(ascii);
}
