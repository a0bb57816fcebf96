import { describe, expect, it } from "vitest";
import { isPermutation, moveBetween, placeAt } from "./ordering.js";

describe("placeAt", () => {
  it("moves an item forward and backward", () => {
    expect(placeAt(["a", "b", "c", "d"], "a", 2)).toEqual(["b", "c", "a", "d"]);
    expect(placeAt(["a", "b", "c", "d"], "d", 0)).toEqual(["d", "a", "b", "c"]);
  });

  it("clamps the position to the end and inserts new items", () => {
    expect(placeAt(["a", "b"], "a", 99)).toEqual(["b", "a"]);
    expect(placeAt(["a", "b"], "z", 1)).toEqual(["a", "z", "b"]);
    expect(placeAt([], "z", 5)).toEqual(["z"]);
  });
});

describe("moveBetween", () => {
  it("takes the item out of one list and into the other", () => {
    expect(moveBetween(["a", "b"], ["x", "y"], "b", 1, false)).toEqual({ from: ["a"], to: ["x", "b", "y"] });
  });

  it("reorders within one list", () => {
    expect(moveBetween(["a", "b", "c"], ["a", "b", "c"], "c", 0, true)).toEqual({ from: null, to: ["c", "a", "b"] });
  });
});

describe("isPermutation", () => {
  it("accepts the same ids in any order, and nothing else", () => {
    expect(isPermutation(["b", "a"], ["a", "b"])).toBe(true);
    expect(isPermutation(["a", "a"], ["a", "b"])).toBe(false);
    expect(isPermutation(["a"], ["a", "b"])).toBe(false);
  });
});
