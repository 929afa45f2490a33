/** Personal pronouns by person, the standard English paradigm. */
export const pronounPerson: Readonly<Record<string, 'first' | 'firstPlural' | 'second' | 'third'>> = {
  i: 'first', "i'm": 'first', 'i’m': 'first', me: 'first', my: 'first', mine: 'first', myself: 'first',
  we: 'firstPlural', us: 'firstPlural', our: 'firstPlural', ours: 'firstPlural', ourselves: 'firstPlural',
  you: 'second', your: 'second', yours: 'second', yourself: 'second', yourselves: 'second', thee: 'second', thou: 'second', thy: 'second', thine: 'second',
  he: 'third', him: 'third', his: 'third', himself: 'third', she: 'third', her: 'third', hers: 'third', herself: 'third',
  they: 'third', them: 'third', their: 'third', theirs: 'third', themselves: 'third',
}

/** "My Lady", "my lord": titles and forms of address, not first-person narration. */
export const TITLE_AFTER_MY = /^(?:lady|lord|lady's|lord's|liege|king|queen|prince|princess|master|mistress|dear|dearest|god|goodness|word|gosh)$/i

/** Capitalised words that are not the names of characters (titles, days, months, exclamations). */
export const notNames: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Sir', 'Lady', 'Lord', 'Madam', 'Madame', 'Monsieur', 'Captain', 'Father', 'Mother', 'Uncle', 'Aunt', 'Master', 'Mistress', 'Saint', 'St', 'Professor', 'Doctor', 'Colonel', 'General', 'Major', 'Lieutenant', 'Sergeant', 'Inspector', 'Reverend', 'King', 'Queen', 'Prince', 'Princess', 'Duke', 'Duchess', 'Count', 'Countess',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'God', 'Lord', 'Heaven', 'Christ', 'Jesus', 'English', 'French', 'OK', 'Oh', 'Ah', 'Yes', 'No', 'I',
  // Words that open a speech and so come capitalised between punctuation, like a name said aloud.
  'Good', 'Fine', 'Right', 'Well', 'Sorry', 'Please', 'Thanks', 'Come', 'Look', 'Listen', 'Wait', 'Stop', 'Enough', 'Never', 'Nothing', 'Quiet', 'Hush', 'Careful', 'Easy', 'Steady', 'Hello', 'Goodbye', 'Morning', 'Evening', 'Night', 'Okay', 'Sure', 'Maybe', 'Perhaps', 'Really', 'Honestly', 'Christ', 'Damn', 'Bloody', 'Here', 'There', 'Now', 'Then', 'Again', 'Still', 'Already', 'Tomorrow', 'Today', 'Tonight', 'Yesterday', 'Always', 'Thank', 'Go', 'Run', 'Hurry', 'Help',
  // Indefinite pronouns, tagged as names at a sentence's start.
  'Everything', 'Something', 'Anything', 'Everyone', 'Everybody', 'Someone', 'Somebody', 'Anyone', 'Anybody', 'Nobody', 'Noone', 'Whoever', 'Whatever',
  // Curses said alone ("Shit, she's late.").
  'Shit', 'Hell', 'Fuck', 'Crap', 'Dammit', 'Bugger', 'Blast', 'Jesus', 'Gods',
  // Interjections and answers said alone ("Mm, I know.", "Aye, it is.").
  'Mm', 'Mmm', 'Hm', 'Hmm', 'Um', 'Uh', 'Er', 'Erm', 'Eh', 'Huh', 'Aye', 'Nay', 'Yeah', 'Yep', 'Yup', 'Nope', 'Nah', 'Ooh', 'Oops', 'Wow', 'Hey', 'Hi', 'Alright', 'Indeed', 'Exactly', 'Course', 'Cheers', 'Bye',
])
