// Emoji and emoticons, hand-written for Momentos: the same in every language.
// Each line: symbols, then valence, then an optional emotion code.

import type { EmotionCode } from "./types.js";
import { emotionCodes } from "./types.js";

const source = `
😀 😃 😄 😁 😆 😊 ☺ 🙂 😸 😺 🥳 🎉 🎊 🙌 👏 🤗 ✨ 🌟 ⭐ 💯 🏆 🥇 ✌ 😎 | 2 | joy
😂 🤣 😹 😅 | 1 | joy
😍 🥰 😘 😗 😙 😚 ❤ 🧡 💛 💚 💙 💜 🤍 🖤 🤎 💕 💞 💓 💗 💖 💘 💝 ♥ 😻 💋 🫶 | 2.5 | affection
👍 👌 🆗 ✅ 💪 🔝 🤩 | 2 | joy
😌 😇 🧘 🌴 🏖 ☀ 🛌 | 1.5 | calm
😮 😯 😲 😳 🤯 | 0.5 | pleasant_surprise
🤩 😱 | 0 | pleasant_surprise
🔥 🚀 🤞 🙏 | 1 | excitement
😐 😑 😶 🙄 🥱 😴 🤷 | -0.5 | indifference
😒 😤 😩 😫 🤦 😖 😣 😓 | -2 | frustration
😠 😡 🤬 👿 💢 🖕 👎 | -2.5 | anger
😞 😔 😟 🙁 ☹ 😕 😢 😭 😿 💔 🥺 😥 😪 | -2 | disappointment
😨 😰 😧 😬 🆘 ⚠ 😷 🤒 | -1.5 | worry
🤨 🧐 🤥 🤢 🤮 💩 🤡 🐍 | -2 | distrust
:) :-) :] =) :-] ^^ ^_^ (: | 2 | joy
:d :-d =d xd | 2 | joy
;) ;-) ;d | 1.5 | joy
:p :-p ;p | 1 | joy
<3 <33 <333 | 2.5 | affection
:( :-( :[ =( ): :c | -2 | disappointment
:'( t_t u_u | -2 | disappointment
:/ :-/ :\\ :| :-| =/ | -1 | frustration
>:( >:-( | -2.5 | anger
</3 | -2 | disappointment
:o :-o | 0.5 | pleasant_surprise
`;

export interface EmojiEntry {
  valence: number;
  emotion?: EmotionCode;
}

export const emojiLexicon: ReadonlyMap<string, EmojiEntry> = (() => {
  const map = new Map<string, EmojiEntry>();
  for (const line of source.split("\n")) {
    if (!line.trim()) continue;
    const [symbols = "", valence = "0", emotion = ""] = line.split(" | ").map((p) => p.trim());
    const code = emotion as EmotionCode;
    if (emotion && !(emotionCodes as readonly string[]).includes(emotion)) throw new Error(`unknown emotion ${emotion}`);
    for (const s of symbols.split(/\s+/)) {
      if (!s || map.has(s)) continue;
      map.set(s.replace(/\uFE0F/g, ""), { valence: Number(valence), ...(emotion ? { emotion: code } : {}) });
    }
  }
  return map;
})();
