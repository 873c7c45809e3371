// Feature templates for the arc-hybrid parser: words and tags of the top three stack items and the
// first three buffer items, the leftmost/rightmost children found so far with their labels,
// distance and valency (after Zhang & Nivre 2011, trimmed for speed). Label features look at the
// arc being made: head and dependent, the dependent's finished children (its case marker decides
// obl:agent) and the head's children so far (an aux:pass decides nsubj:pass).

import type { ParseState } from "./arc-hybrid.js";
import { feat1, feat2, feat3 } from "./hash.js";

/** Sentence view for features: index 0 = none, 1..n = words, n+1 = root. */
export interface ParseInput {
  n: number;
  word: Int32Array;
  tag: Int32Array;
  suf3: Int32Array;
}

export const MOVE_FEATURES = 89;
export const LABEL_FEATURES = 36;

const NONE_LABEL = -1;

function dist(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  const d = Math.abs(b - a);
  return d < 5 ? d : d < 10 ? 5 : 6;
}

export function moveFeatures(x: ParseInput, s: ParseState, out: Int32Array): number {
  const { word: W, tag: T } = x;
  const st = s.stack;
  const s0 = st[st.length - 1] ?? 0;
  const s1 = st[st.length - 2] ?? 0;
  const s2 = st[st.length - 3] ?? 0;
  const b0 = s.b0;
  const b1 = b0 + 1 <= x.n + 1 ? b0 + 1 : 0;
  const b2 = b0 + 2 <= x.n + 1 ? b0 + 2 : 0;
  const s0w = W[s0]!;
  const s0t = T[s0]!;
  const s1w = W[s1]!;
  const s1t = T[s1]!;
  const b0w = W[b0]!;
  const b0t = T[b0]!;
  const b1w = W[b1]!;
  const b1t = T[b1]!;
  const b2t = T[b2]!;
  const s0l = s0 ? s.l1[s0]! : 0;
  const s0r = s0 ? s.r1[s0]! : 0;
  const s0l2 = s0 ? s.l2[s0]! : 0;
  const s0r2 = s0 ? s.r2[s0]! : 0;
  const s1r = s1 ? s.r1[s1]! : 0;
  const b0l = s.l1[b0]!;
  const b0l2 = s.l2[b0]!;
  const lab = (i: number): number => (i ? s.labels[i]! : NONE_LABEL);
  const d = dist(s0, b0);
  const d01 = dist(s1, s0);
  const s0vl = s0 ? Math.min(s.nLeft[s0]!, 4) : -1;
  const s0vr = s0 ? Math.min(s.nRight[s0]!, 4) : -1;
  const b0vl = Math.min(s.nLeft[b0]!, 4);
  const s0next = s0 && s0 + 1 < b0 ? T[s0 + 1]! : -9;
  const b0prev = b0 - 1 > s0 ? T[b0 - 1]! : -9;
  let m = 0;
  out[m++] = feat1(0, 0);
  out[m++] = feat1(1, s0w);
  out[m++] = feat1(2, s0t);
  out[m++] = feat2(3, s0w, s0t);
  out[m++] = feat1(4, s1w);
  out[m++] = feat1(5, s1t);
  out[m++] = feat2(6, s1w, s1t);
  out[m++] = feat1(7, b0w);
  out[m++] = feat1(8, b0t);
  out[m++] = feat2(9, b0w, b0t);
  out[m++] = feat1(10, b1w);
  out[m++] = feat1(11, b1t);
  out[m++] = feat2(12, b1w, b1t);
  out[m++] = feat1(13, b2t);
  out[m++] = feat1(14, T[s2]!);
  out[m++] = feat3(15, s0w, b0w, s0t * 64 + b0t);
  out[m++] = feat3(16, s0w, s0t, b0w);
  out[m++] = feat3(17, s0w, b0w, b0t);
  out[m++] = feat3(18, s0w, s0t, b0t);
  out[m++] = feat3(19, s0t, b0w, b0t);
  out[m++] = feat2(20, s0w, b0w);
  out[m++] = feat2(21, s0t, b0t);
  out[m++] = feat2(22, b0t, b1t);
  out[m++] = feat3(23, s0t, b0t, b1t);
  out[m++] = feat3(24, s1t, s0t, b0t);
  out[m++] = feat2(25, s0t, s1t);
  out[m++] = feat2(26, s0w, s1w);
  out[m++] = feat3(27, b0t, b1t, b2t);
  out[m++] = feat3(28, s1t, s0t, T[s0l]!);
  out[m++] = feat3(29, s1t, s0t, T[s0r]!);
  out[m++] = feat3(30, s1t, T[s1r]!, s0t);
  out[m++] = feat3(31, s0t, T[s0l]!, b0t);
  out[m++] = feat3(32, s0t, T[s0r]!, b0t);
  out[m++] = feat3(33, s0t, b0t, T[b0l]!);
  out[m++] = feat3(34, s0t, T[s0l]!, T[s0l2]!);
  out[m++] = feat3(35, s0t, T[s0r]!, T[s0r2]!);
  out[m++] = feat3(36, b0t, T[b0l]!, T[b0l2]!);
  out[m++] = feat2(37, s0w, d);
  out[m++] = feat2(38, s0t, d);
  out[m++] = feat2(39, b0w, d);
  out[m++] = feat2(40, b0t, d);
  out[m++] = feat3(41, s0w, b0w, d);
  out[m++] = feat3(42, s0t, b0t, d);
  out[m++] = feat2(43, s0w, s0vr);
  out[m++] = feat2(44, s0t, s0vr);
  out[m++] = feat2(45, s0w, s0vl);
  out[m++] = feat2(46, s0t, s0vl);
  out[m++] = feat2(47, b0w, b0vl);
  out[m++] = feat2(48, b0t, b0vl);
  out[m++] = feat2(49, s0w, lab(s0l));
  out[m++] = feat2(50, s0t, lab(s0r));
  out[m++] = feat2(51, b0t, lab(b0l));
  out[m++] = feat2(52, s1t, lab(s1r));
  out[m++] = feat3(53, s0t, lab(s0l), lab(s0l2));
  out[m++] = feat3(54, s0t, lab(s0r), lab(s0r2));
  out[m++] = feat3(55, b0t, lab(b0l), lab(b0l2));
  out[m++] = feat1(56, W[s0l]!);
  out[m++] = feat1(57, W[s0r]!);
  out[m++] = feat1(58, W[b0l]!);
  out[m++] = feat1(59, W[s1r]!);
  out[m++] = feat3(60, s1t, s0t, d01);
  out[m++] = feat3(61, s1w, s0w, d01);
  out[m++] = feat2(62, s1w, s0t);
  out[m++] = feat2(63, s1t, s0w);
  out[m++] = feat3(64, s1t, s1w, b0t);
  out[m++] = feat3(65, s0t, s0next, b0t);
  out[m++] = feat3(66, s0t, b0prev, b0t);
  out[m++] = feat3(67, s1t, s0t, b1t);
  out[m++] = feat2(68, s0w, b1t);
  out[m++] = feat3(69, s2 ? T[s2]! : -9, s1t, s0t);
  out[m++] = feat2(70, x.suf3[s0]!, b0t);
  out[m++] = feat2(71, s0t, x.suf3[b0]!);
  const s1l = s1 ? s.l1[s1]! : 0;
  out[m++] = feat1(72, W[b2]!);
  out[m++] = feat2(73, b0w, b1w);
  out[m++] = feat2(74, b0w, b1t);
  out[m++] = feat3(75, s0w, b0t, b1t);
  out[m++] = feat3(76, s1t, T[s1l]!, s0t);
  out[m++] = feat3(77, s1t, lab(s1l), lab(s1r));
  out[m++] = feat3(78, s0t, lab(s0l), lab(s0r));
  out[m++] = feat3(79, s0w, W[s0l]!, b0t);
  out[m++] = feat3(80, s1w, s0t, b0t);
  out[m++] = feat3(81, s0t, s0vl * 8 + s0vr, b0t);
  out[m++] = feat3(82, s1t, s1 ? Math.min(s.nRight[s1]!, 4) : -1, s0t);
  out[m++] = feat3(83, s0t, b0t, b0vl);
  // coordination ("X , Y and Z were"): a conjunct with its cc child waits for its first conjunct
  out[m++] = feat3(84, s1t, s0t, lab(s0l));
  out[m++] = feat3(85, s1w, s0t, lab(s0l));
  out[m++] = feat3(86, b0t, s0t, lab(s0l));
  // relative clauses ("the men who attacked the convoy fled"): the clause's "who" decides reducing
  out[m++] = feat3(87, W[s0l]!, s0t, b0t);
  out[m++] = feat3(88, W[s0l]!, s1t, b0t);
  return m;
}

/** Features for labelling the arc head → dep made by move `dir` (LEFT or RIGHT). */
export function labelFeatures(
  x: ParseInput,
  s: ParseState,
  dir: number,
  head: number,
  dep: number,
  out: Int32Array,
): number {
  const { word: W, tag: T } = x;
  const hw = W[head]!;
  const ht = T[head]!;
  const dw = W[dep]!;
  const dt = T[dep]!;
  const lab = (i: number): number => (i ? s.labels[i]! : NONE_LABEL);
  const dl = s.l1[dep]!;
  const dr = s.r1[dep]!;
  // the head's children on the dependent's side nearest to it so far
  const hn = dir === 1 ? s.l1[head]! : s.r1[head]!;
  const hn2 = dir === 1 ? s.l2[head]! : s.r2[head]!;
  const hOther = dir === 1 ? s.r1[head]! : s.l1[head]!;
  const dd = dist(dep, head) * 4 + dir;
  let m = 0;
  out[m++] = feat1(100, dir);
  out[m++] = feat2(101, dir, ht);
  out[m++] = feat2(102, dir, dt);
  out[m++] = feat2(103, dir, hw);
  out[m++] = feat2(104, dir, dw);
  out[m++] = feat3(105, dir, ht, dt);
  out[m++] = feat3(106, dir, hw, dt);
  out[m++] = feat3(107, dir, ht, dw);
  out[m++] = feat3(108, dir, hw, dw);
  out[m++] = feat3(109, dd, ht, dt);
  out[m++] = feat3(110, dir, dt, lab(dl));
  out[m++] = feat3(111, dir, dt, lab(dr));
  out[m++] = feat3(112, dir, dt, T[dl]!);
  out[m++] = feat3(113, dir, dt, T[dr]!);
  out[m++] = feat3(114, dir, dt, Math.min(s.nLeft[dep]!, 3) * 4 + Math.min(s.nRight[dep]!, 3));
  out[m++] = feat3(115, dir, ht, lab(hn));
  out[m++] = feat3(116, dir, dt, T[dep - 1]!);
  out[m++] = feat3(117, dir, dt, dep + 1 <= x.n ? T[dep + 1]! : -9);
  out[m++] = feat3(118, dir, ht, T[head - 1]!);
  out[m++] = feat3(119, dir, ht, head + 1 <= x.n + 1 ? T[head + 1]! : -9);
  out[m++] = feat3(120, dir, dt, x.suf3[dep]!);
  out[m++] = feat3(121, dir, dt, W[dl]!);
  out[m++] = feat3(122, dir, ht, W[dl]!);
  out[m++] = feat3(123, dir, dt, lab(hn));
  out[m++] = feat3(124, dir, W[hn]!, dt);
  out[m++] = feat3(125, dir, lab(hn), lab(hn2));
  out[m++] = feat3(126, dir, ht, lab(hOther));
  out[m++] = feat3(127, dir, dw, T[dl]!);
  out[m++] = feat3(128, dir, dt, W[dr]!);
  out[m++] = feat3(129, dir, x.suf3[head]!, dt);
  out[m++] = feat3(130, dir, hw, lab(hn));
  out[m++] = feat3(131, dd, hw, dt);
  out[m++] = feat3(132, dir, dt, W[dep - 1]!);
  out[m++] = feat3(133, dir, ht, W[s.l2[dep]!]!);
  out[m++] = feat3(134, dir, lab(dl), lab(s.l2[dep]!));
  out[m++] = feat3(135, dir, dt, head === x.n + 1 ? 1 : 0);
  return m;
}
