// What fusion stored, in a form two stores can be compared by: the snapshot, each incident's grades, and the
// identity rows in event order (their stored order is the write order, which differs between paths).
import type { Store } from "../../src/store/types.js";

export async function fusedState(store: Store) {
  const snapshot = await store.getFusion();
  const assessments = await Promise.all(snapshot.incidents.map((i) => store.getAssessment(i.id)));
  const identity = await store.getIdentity();
  identity.members.sort((a, b) => (a.event < b.event ? -1 : 1));
  return { ...snapshot, assessments, identity };
}
