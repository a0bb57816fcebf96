import { describe, expect, it } from "vitest";
import { languages } from "./languages.js";
import { formatMessage, messages, translate, translatePlural, type MessageKey } from "./messages.js";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("messages", () => {
  const keys = Object.keys(messages.es) as MessageKey[];

  it("has the same keys in every language", () => {
    for (const language of languages) expect(Object.keys(messages[language]).sort()).toEqual([...keys].sort());
  });

  it("uses the same placeholders in every language, and never an empty text", () => {
    for (const key of keys) {
      for (const language of languages) {
        expect(messages[language][key].trim(), `${language} ${key}`).not.toBe("");
        expect(placeholders(messages[language][key]), `${language} ${key}`).toEqual(placeholders(messages.es[key]));
      }
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(formatMessage("Hola, {name}. {missing}", { name: "Ana" })).toBe("Hola, Ana. {missing}");
    expect(translate("en", "members.roleChanged", { name: "Ana", role: "Admin" })).toBe("Ana is now Admin.");
  });

  it("picks plural forms by each language's rules", () => {
    expect(translatePlural("es", "members.count", 1)).toBe("1 persona");
    expect(translatePlural("en", "members.count", 3)).toBe("3 people");
    expect(translatePlural("pt", "members.count", 2)).toBe("2 pessoas");
    expect(translatePlural("pt", "apiKeys.count", 0)).toBe("Nenhuma chave ativa");
  });
});
