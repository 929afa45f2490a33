/** The stages of an analysis, in order, and the share of its time each takes on a typical novel. */
export const STAGES = { read: 0.1, structure: 0.1, annotate: 0.7, report: 0.1 } as const
export type Stage = keyof typeof STAGES
