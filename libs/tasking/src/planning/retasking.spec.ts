import { selectForRetasking } from './retasking';
import type { Band } from '../common';

const t = (id: string, ref: string, effectiveBand: Band) => ({ id, ref, effectiveBand });

describe('selectForRetasking', () => {
  it('plans every threat of a first revision', () => {
    const threats = [t('a', 'T-1', 'P4'), t('b', 'T-2', 'P1')];
    expect(selectForRetasking(threats, [])).toEqual({ toPlan: threats, persisting: [], removed: [] });
  });

  it('plans new and raised threats only, and pairs every persisting threat with its new row', () => {
    const previous = [t('o1', 'T-1', 'P2'), t('o2', 'T-2', 'P2'), t('o3', 'T-3', 'P2'), t('o4', 'T-GONE', 'P1')];
    const threats = [t('n1', 'T-1', 'P1'), t('n2', 'T-2', 'P2'), t('n3', 'T-3', 'P3'), t('n5', 'T-NEW', 'P3')];
    const s = selectForRetasking(threats, previous);
    expect(s.toPlan.map((x) => x.ref)).toEqual(['T-1', 'T-NEW']);
    expect(s.persisting).toEqual([
      { ref: 'T-1', fromId: 'o1', toId: 'n1' },
      { ref: 'T-2', fromId: 'o2', toId: 'n2' },
      { ref: 'T-3', fromId: 'o3', toId: 'n3' },
    ]);
    expect(s.removed.map((x) => x.ref)).toEqual(['T-GONE']);
  });
});
