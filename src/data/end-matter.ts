/**
 * End matter: a closing line ("The End", "Fin", "To be continued") and the notes that writers
 * put after a story (author's notes, thanks for reading, requests for reviews).
 */
export const closingLine =
  /^[\s~*\-–—=_.•(\[]*(?:the\s+end|fin|finis|end|end of (?:story|part|book|chapter)|to be continued|tbc|owari|finite|the end\?)[\s~*\-–—=_.•!)\]]*$/i

export const endNote =
  /^(?:end\s*notes?\b|afterword\b|author'?s?\s+afterword\b|a\/n|a\.n\.|author'?s?'?\s*notes?|notes?\s*:|thanks? (?:you )?(?:so much )?for reading|please (?:review|comment|leave)|reviews? (?:are|would be)|comments? (?:are|and kudos)|kudos|feedback|disclaimer)/i

/** How far from the end a closing line may stand, in paragraphs. */
export const CLOSING_WINDOW = 12
