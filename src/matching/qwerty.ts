// Korean typed with the keyboard left in English mode: "wndrnr" is 중국 on the 2-set (두벌식) layout.
import { convertQwertyToHangul } from 'es-hangul';

export function looksLikeQwertyKorean(_text: string): boolean {
  return false; // replaced by the matcher work
}

export function qwertyToHangul(text: string): string {
  return convertQwertyToHangul(text);
}
