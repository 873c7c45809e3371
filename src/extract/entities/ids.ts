// Document-local ids for entities and mentions: a short document prefix plus a counter, so ids
// stay readable and unique inside one DocFacts.
export interface IdMaker {
  entity(): string;
  mention(): string;
}

export function idMaker(docId: string): IdMaker {
  const prefix = docId.slice(0, 12);
  let e = 0;
  let m = 0;
  return {
    entity: () => `${prefix}:e${++e}`,
    mention: () => `${prefix}:m${++m}`,
  };
}
