import { checkAddressable, distinctIds, type AddressableFeedback } from './feedback';

const A = 'assessment-a';
const row = (id: string, over: Partial<AddressableFeedback> = {}): AddressableFeedback => ({
  id,
  assessmentId: A,
  status: 'open',
  addressedRevision: null,
  ...over,
});

describe('checkAddressable', () => {
  it('accepts open feedback of the assessment being revised', () => {
    expect(checkAddressable(['f1', 'f2'], [row('f1'), row('f2')], A)).toEqual([]);
  });

  it('reports unknown ids with their position', () => {
    expect(checkAddressable(['f1', 'nope'], [row('f1')], A)).toEqual([
      { field: 'addressedFeedbackIds[1]', value: 'nope', message: 'no feedback nope on a threat of this assessment' },
    ]);
  });

  it("treats another assessment's feedback exactly like an unknown id", () => {
    const [err] = checkAddressable(['f1'], [row('f1', { assessmentId: 'other' })], A);
    expect(err).toEqual({ field: 'addressedFeedbackIds[0]', value: 'f1', message: 'no feedback f1 on a threat of this assessment' });
  });

  it('refuses feedback already addressed, naming the revision that did it', () => {
    const [err] = checkAddressable(['f1'], [row('f1', { status: 'addressed', addressedRevision: 3 })], A);
    expect(err.message).toBe('feedback f1 was already addressed in revision 3');
  });

  it('lists every problem at once', () => {
    expect(checkAddressable(['x', 'f1', 'y'], [row('f1', { status: 'addressed', addressedRevision: 2 })], A)).toHaveLength(3);
  });
});

describe('distinctIds', () => {
  it('drops repeats and keeps the first-seen order', () => {
    expect(distinctIds(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
  });
});
