import type { FieldError } from '@app/common/errors/domain.error';

/** PRODUCT.md "Contract details": what a partner's feedback on a threat is about. */
export const FEEDBACK_KINDS = ['new-intelligence', 'outcome', 'assessment-challenge'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** Whether the partner thinks the threat is higher or lower than assessed. */
export const FEEDBACK_SUGGESTS = ['raise', 'lower', 'none'] as const;
export type FeedbackSuggests = (typeof FEEDBACK_SUGGESTS)[number];

/** Open until a revision of the assessment marks it addressed. */
export const FEEDBACK_STATUSES = ['open', 'addressed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_DETAIL_MAX = 5000;
/** Feedback ids one revision may mark addressed: far more than any revision addresses in practice. */
export const ADDRESSED_IDS_MAX = 1000;

/** The fields of a stored feedback row that decide whether a revision may address it. */
export interface AddressableFeedback {
  id: string;
  assessmentId: string;
  status: FeedbackStatus;
  addressedRevision: number | null;
}

/**
 * The ids a revision asked to mark addressed, each checked against what the database holds: every one
 * must exist, belong to the assessment being revised, and still be open. All problems are returned
 * together, so the analyst fixes the list in one go. Feedback of another assessment answers the same
 * as an unknown id: a revision has no business naming it.
 */
export function checkAddressable(requested: readonly string[], found: readonly AddressableFeedback[], assessmentId: string): FieldError[] {
  const byId = new Map(found.map((f) => [f.id, f]));
  const errors: FieldError[] = [];
  requested.forEach((id, i) => {
    const field = `addressedFeedbackIds[${i}]`;
    const f = byId.get(id);
    if (!f || f.assessmentId !== assessmentId) {
      errors.push({ field, value: id, message: `no feedback ${id} on a threat of this assessment` });
    } else if (f.status !== 'open') {
      errors.push({ field, value: id, message: `feedback ${id} was already addressed in revision ${f.addressedRevision}` });
    }
  });
  return errors;
}

/** Distinct ids in first-seen order: naming the same feedback twice addresses it once. */
export const distinctIds = (ids: readonly string[]): string[] => [...new Set(ids)];
