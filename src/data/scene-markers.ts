/**
 * Scene-break marker lines. The canonical list comes from the conventions writers and web
 * fiction use (manuscript format's `#`, typesetters' asterisms and dinkus `* * *`, fan fiction's
 * `oOo`/`xXx`, Markdown's thematic breaks); anything else made only of symbols is a generic
 * marker with lower confidence.
 */
export const canonicalMarkers: readonly RegExp[] = [
  /^(?:\*\s*){1,12}$/, // *, ***, * * *, *       *       *
  /^(?:#\s*){1,6}$/, // #, ###
  /^(?:~\s*){2,}$/, // ~~~
  /^(?:-\s*){3,}$/, // ---
  /^(?:_\s*){3,}$/, // ___
  /^(?:=\s*){3,}$/, // ===
  /^(?:\+\s*){2,}$/, // +++
  /^(?:[•·●∙]\s*){1,9}$/, // • • •
  /^[❦❧☙⁂※§¶✦✧★☆◆◇♦♢○◦⸙✢✣✤✥✱✲✳✻✼❖⚜❀✿❁]+(?:\s*[❦❧☙⁂※§¶✦✧★☆◆◇♦♢○◦⸙✢✣✤✥✱✲✳✻✼❖⚜❀✿❁]+)*$/,
  /^[~*\-=_+.•·<>\s]*(?:(?:o+O+)+o*|(?:O+o+)+O*|(?:x+X+)+x*|(?:X+x+)+X*|o0o|0o0|ooo|OOO|xxx|XXX)[~*\-=_+.•·<>\s]*$/,
  /^(?:[-~=*+]\s*[xXoO0]\s*)+[-~=*+]$/, // -x-x-, ~o~
  /^[~*\-=_+.•·<>\s]*[[(<{]\s*(?:scene\s*(?:break|change)|break|time\s*skip|pov\s*(?:change|switch)|line\s*break)\s*[\])>}][~*\-=_+.•·<>\s]*$/i,
  /^[~*\-=_+.•·<>\s]+(?:scene\s*(?:break|change)|break|time\s*skip|pov\s*(?:change|switch)|line\s*break)[~*\-=_+.•·<>\s]+$/i,
]

/** Lines made only of these are never markers: dialogue of silence, ellipses, lone punctuation. */
export const notMarker = /^(?:[\s.…?!"“”'‘’,;:()[\]]*|\/\*|\*\/)$/

/** The longest line that can be a marker. */
export const MAX_MARKER_LENGTH = 60
