// Comments for the demo brand, composed from phrase banks so that 100,000 responses do not repeat
// the same ten sentences: an opening, one or two details about the touchpoint's theme, a connector
// ("pero", "aunque", "encima"), a closing, with Spain's and Latin America's wording. The tone always
// follows the answers (tone.ts decides it), so a comment never praises what the scores condemn.
import type { Language } from "../i18n/languages.js";
import type { Random } from "../metrics/random.js";
import type { DemoTheme } from "./brand.js";

/** How a comment sounds: decided from the emotion and the scores of its response. */
export type CommentTone = "positive" | "negative" | "mixed_positive" | "mixed_negative" | "neutral";

/** es-ES or es-419 wording: `[Spain|Latin America]` in a phrase picks one; `{o}` agrees with the writer's gender. */
export type SpanishRegion = "es" | "419";

interface ThemeBank {
  good: readonly string[];
  bad: readonly string[];
}

const themes: Record<DemoTheme, ThemeBank> = {
  social_ad: {
    good: [
      "el anuncio me enseñó justo lo que andaba buscando para el salón",
      "me gustó que el precio saliera en el mismo anuncio",
      "las fotos del anuncio eran preciosas y nada retocadas",
      "vi la lámpara en Instagram y me enamoré",
      "el descuento del anuncio se aplicaba de verdad",
    ],
    bad: [
      "me persiguen los anuncios de una alfombra que ya compré",
      "el precio del anuncio no era el de la web",
      "el anuncio llevaba a una página que ya no existía",
      "salen tantos anuncios que ya cansa",
      "el producto del anuncio estaba agotado",
    ],
  },
  catalogue: {
    good: [
      "encontré lo que buscaba en dos minutos",
      "los filtros por medida son utilísimos",
      "el buscador te entiende aunque escribas mal",
      "la web va rápida incluso desde el [móvil|celular]",
      "las categorías están muy bien ordenadas",
    ],
    bad: [
      "el buscador no encuentra nada si no pones el nombre exacto",
      "los filtros de color no funcionan",
      "la web va lentísima desde el [móvil|celular]",
      "salen productos agotados entre los primeros resultados",
      "no hay manera de ordenar por precio",
    ],
  },
  product_page: {
    good: [
      "las fotos son reales y se aprecia bien el acabado",
      "las medidas venían muy bien explicadas",
      "las opiniones de otros clientes me ayudaron a decidirme",
      "ponía claramente cuándo me llegaría",
      "el vídeo del producto es muy práctico",
    ],
    bad: [
      "las medidas de la ficha no coinciden con las reales",
      "faltan fotos desde otros ángulos",
      "no dice de qué material está hecho",
      "el plazo de entrega no aparece hasta el final",
      "el color de la foto no se parece al real",
    ],
  },
  checkout: {
    good: [
      "pagar con Bizum fue rapidísimo",
      "el pago fue sencillo y en pocos pasos",
      "no hubo gastos sorpresa al final",
      "pude pagar a plazos sin papeleo",
      "guardó mis datos y en un minuto estaba hecho",
    ],
    bad: [
      "el pago con tarjeta falló tres veces",
      "los gastos de envío aparecieron en el último paso",
      "el código de descuento no se aplicaba",
      "me obligó a crear una cuenta para poder pagar",
      "la página se quedó colgada al pagar y no sabía si me habían cobrado",
    ],
  },
  confirmation: {
    good: [
      "el correo de confirmación llegó al instante",
      "en el correo venía todo: importe, productos y fecha de entrega",
      "me quedé tranquil{o} al recibir el resumen del pedido",
      "el correo es claro y se lee bien en el [móvil|celular]",
    ],
    bad: [
      "el correo de confirmación tardó horas en llegar",
      "el correo se fue directo a spam",
      "en el correo no venía la fecha de entrega",
      "el importe del correo no coincidía con lo que pagué",
    ],
  },
  tracking: {
    good: [
      "el seguimiento se actualizaba casi en tiempo real",
      "me avisaron de cada paso del envío",
      "sabía en todo momento dónde estaba mi pedido",
      "el enlace de seguimiento funcionó a la primera",
    ],
    bad: [
      "el seguimiento se quedó tres días parado en «en tránsito»",
      "el enlace de seguimiento no funcionaba",
      "nadie me avisó de que el pedido venía con retraso",
      "el número de seguimiento no servía en la web del transportista",
    ],
  },
  home_delivery: {
    good: [
      "llegó el día prometido y dentro de la franja",
      "el repartidor fue muy amable y me lo subió hasta casa",
      "el paquete llegó perfecto",
      "llegó antes de lo previsto",
      "el repartidor me llamó diez minutos antes de llegar",
    ],
    bad: [
      "el repartidor no llamó al timbre y dejó un aviso de ausente",
      "llegó cuatro días tarde",
      "me quedé toda la mañana en casa esperando para nada",
      "dejaron el paquete en la portería sin avisar",
      "la caja llegó golpeada",
      "pone que está entregado y aquí no ha llegado nada",
    ],
  },
  store_pickup: {
    good: [
      "el pedido estaba listo cuando llegué",
      "la chica del mostrador fue encantadora",
      "no tuve que hacer nada de cola",
      "me lo dieron en un minuto y con una sonrisa",
    ],
    bad: [
      "me avisaron de que estaba listo y en la tienda no lo encontraban",
      "tuve que esperar media hora en el mostrador",
      "no había nadie atendiendo las recogidas",
      "me dijeron que volviera otro día",
    ],
  },
  unboxing: {
    good: [
      "venía todo muy bien protegido",
      "el embalaje es precioso, da gusto abrirlo",
      "me encantó la tarjeta escrita a mano",
      "nada de plástico, todo cartón reciclable",
      "llegó todo entero, hasta las copas",
    ],
    bad: [
      "el jarrón llegó roto",
      "muchísimo plástico para un producto tan pequeño",
      "la caja era enorme para lo poco que venía",
      "faltaba una pieza en el paquete",
      "venía mal protegido y con golpes",
    ],
  },
  first_use: {
    good: [
      "la calidad es mejor de lo que esperaba",
      "es igualito que en las fotos",
      "el tejido es suavísimo",
      "queda precioso en el salón",
      "se nota que está bien hecho",
    ],
    bad: [
      "el color no tiene nada que ver con el de la foto",
      "a la segunda lavada ya estaba deformado",
      "los acabados dejan mucho que desear",
      "huele muchísimo a producto químico",
      "es bastante más pequeño de lo que parecía",
    ],
  },
  assembly: {
    good: [
      "lo monté yo sol{o} en media hora",
      "las instrucciones son clarísimas",
      "el vídeo de montaje me salvó la tarde",
      "venían todas las piezas contadas y ordenadas",
    ],
    bad: [
      "las instrucciones son solo dibujos y no se entienden",
      "faltaban dos tornillos",
      "tardé tres horas en montarlo",
      "los agujeros no coincidían",
    ],
  },
  invoice: {
    good: [
      "descargué la factura desde mi cuenta en un momento",
      "la factura salió con los datos de mi empresa correctos",
      "todo claro y bien desglosado",
    ],
    bad: [
      "no encuentro la factura por ningún sitio",
      "la factura salió sin mi NIF",
      "tuve que pedir la factura tres veces",
      "el IVA venía mal desglosado",
    ],
  },
  newsletter: {
    good: [
      "las ideas de decoración de la newsletter me encantan",
      "los descuentos para suscriptores merecen la pena",
      "solo mandan un correo a la semana y se agradece",
    ],
    bad: [
      "mandan demasiados correos",
      "las ofertas nunca son de lo que me interesa",
      "me di de baja y me siguen llegando correos",
      "el correo no se ve bien en el [móvil|celular]",
    ],
  },
  loyalty: {
    good: [
      "los puntos se canjean sin complicaciones",
      "el regalo de cumpleaños fue un detalle precioso",
      "me siento valorad{o} como cliente",
      "con los puntos me salió gratis el envío",
    ],
    bad: [
      "los puntos caducan sin avisar",
      "no hay forma de saber cuántos puntos tengo",
      "para canjear los puntos hay mil condiciones",
      "no me sumaron los puntos de la última compra",
    ],
  },
  help_centre: {
    good: [
      "encontré la respuesta en las preguntas frecuentes",
      "la ayuda está bien explicada y al día",
      "resolví la duda sin tener que llamar",
    ],
    bad: [
      "las preguntas frecuentes no responden a nada de lo que busco",
      "el buscador de la ayuda no entiende la pregunta",
      "la información sobre devoluciones está desactualizada",
      "no hay forma de encontrar un teléfono de contacto",
    ],
  },
  chat: {
    good: [
      "me atendieron en dos minutos",
      "la persona del chat fue muy amable y resolutiva",
      "me lo solucionaron sin tener que repetir nada",
      "Ana, del chat, fue un encanto",
    ],
    bad: [
      "estuve cuarenta minutos esperando en el chat",
      "el bot no entiende nada y no te pasa con una persona",
      "me hicieron repetir el número de pedido tres veces",
      "se cortó la conversación y tuve que empezar de cero",
    ],
  },
  phone: {
    good: [
      "[me cogieron el teléfono enseguida|me atendieron el teléfono enseguida]",
      "el chico que me atendió sabía de lo que hablaba",
      "me lo resolvieron en una sola llamada",
    ],
    bad: [
      "media hora escuchando la musiquita de espera",
      "me fueron pasando de un departamento a otro",
      "me colgaron sin solucionarme nada",
      "me prometieron que me llamarían y nunca llamaron",
    ],
  },
  return_request: {
    good: [
      "la devolución se pide en dos clics",
      "no me pidieron explicaciones para devolverlo",
      "la etiqueta me llegó al momento",
    ],
    bad: [
      "el formulario de devolución da error en el último paso",
      "hay que rellenar mil datos para devolver algo",
      "no aparece la opción de devolver en mi pedido",
      "no explican en ningún sitio cómo devolver un regalo",
      "después de rellenarlo todo no me llegó la etiqueta",
    ],
  },
  return_label: {
    good: [
      "pude llevar el código en el [móvil|celular] sin imprimir nada",
      "pude reutilizar la caja original",
    ],
    bad: [
      "la etiqueta no hay manera de imprimirla",
      "piden impresora y no tengo",
      "no sé cómo embalar un espejo para devolverlo",
      "la etiqueta caducó antes de que pudiera usarla",
    ],
  },
  return_pickup: {
    good: [
      "vinieron a recogerlo a la hora acordada",
      "el mensajero fue puntual y muy amable",
    ],
    bad: [
      "nadie vino a recoger el paquete",
      "me quedé dos días en casa esperando al mensajero",
      "el transportista dice que no tiene ninguna recogida a mi nombre",
      "cambiaron la fecha de recogida sin avisar",
      "llevo una semana con el paquete en el pasillo",
    ],
  },
  store_return: {
    good: [
      "en la tienda me lo aceptaron sin ninguna pega",
      "en cinco minutos estaba todo hecho",
      "me dieron el comprobante al momento",
      "la dependienta me ayudó a elegir otra cosa",
    ],
    bad: [
      "en la tienda no querían aceptar una devolución de la web",
      "tuve que esperar a que llamaran a la central",
      "no me dieron ningún comprobante",
    ],
  },
  refund_notice: {
    good: [
      "me avisaron en cuanto llegó el paquete",
      "el correo dejaba claros el importe y el plazo",
    ],
    bad: [
      "no me avisaron de que habían recibido el paquete",
      "el correo no dice cuándo me devolverán el dinero",
      "el importe del aviso es menor de lo que pagué",
    ],
  },
  refund: {
    good: [
      "el dinero estaba en mi cuenta en tres días",
      "me devolvieron el importe completo, envío incluido",
      "el reembolso fue más rápido de lo que esperaba",
    ],
    bad: [
      "llevo tres semanas esperando el reembolso",
      "me devolvieron menos dinero del que pagué",
      "nadie sabe decirme cuándo me devolverán el dinero",
      "me descontaron los gastos de envío sin avisar",
      "me lo reembolsaron en un vale y no en la tarjeta",
    ],
  },
  exchange: {
    good: [
      "me mandaron el nuevo antes de recibir el devuelto",
      "el cambio de medida fue rapidísimo",
      "el producto nuevo llegó perfecto",
    ],
    bad: [
      "el cambio tardó casi un mes",
      "me volvieron a mandar la misma medida equivocada",
      "para cambiarlo tuve que devolverlo y comprarlo otra vez",
    ],
  },
  resolution: {
    good: [
      "me dieron una solución justa y rápida",
      "me compensaron con un descuento sin pedirlo",
      "se notó que les importaba mi problema",
      "me llamaron para confirmar que todo estaba bien",
    ],
    bad: [
      "cerraron la incidencia sin resolver nada",
      "la solución fue un cupón que no me sirve",
      "nadie se hizo responsable",
      "me contestaron con un mensaje automático",
    ],
  },
};

/** Praise of the dated fix, said only after it (see generate.ts). */
export const afterFixPhrases: readonly string[] = [
  "con la nueva franja de dos horas ya no pierdo la mañana",
  "el aviso por SMS la víspera es un acierto",
  "se nota el cambio de transportista, ahora llega cuando dicen",
];

const openings = {
  positive: ["Muy content{o}.", "Todo perfecto.", "¡Genial!", "La verdad, muy bien.", "Nada que objetar.", "Encantad{o}.", "Me ha sorprendido para bien.", "Qué gusto da así.", "Como siempre, muy bien."],
  negative: ["Muy mal.", "Qué desastre.", "Fatal.", "Estoy bastante molest{o}.", "No es la primera vez.", "[Me esperaba mucho más de vosotros.|Me esperaba mucho más de ustedes.]", "Sinceramente, decepcionante.", "[Vaya tela.|Qué mal.]", "Increíble.", "Llevo años comprando aquí y nunca me había pasado."],
  neutral: ["Correcto, sin más.", "Normal.", "Ni bien ni mal.", "Cumple.", "Lo esperado.", "Nada destacable.", "Bien, sin más.", "Lo normal en una tienda online."],
} as const;

const closings = {
  positive: ["Gracias.", "[¡Seguid así!|¡Sigan así!]", "Volveré a comprar.", "Lo recomiendo.", "Un diez.", "Gracias, Casa Candela.", "Así da gusto.", "Repetiré seguro."],
  negative: ["[Espero que lo solucionéis.|Espero que lo solucionen.]", "Así no se trata a un cliente.", "No pienso volver a comprar.", "Me lo pensaré mucho antes de repetir.", "Que alguien me llame, por favor.", "Menos publicidad y más atención al cliente.", "Una pena, porque los productos me gustan."],
} as const;

// The other side of a mixed comment: general enough never to contradict the touchpoint's own detail.
const softGood = ["el producto en sí me gusta", "los precios están bien", "la marca me sigue gustando", "la atención fue correcta", "al final se solucionó", "el resto del pedido, bien"];
const softBad = ["todavía hay cosas que mejorar", "la web podría ser más clara", "los gastos de envío son algo caros", "[podríais|podrían] avisar mejor de cada paso", "el precio es un poco alto", "me costó encontrar la información"];

const moreGood = ["Además, ", "Y encima ", "También ", "Y "];
const moreBad = ["Encima, ", "Y para colmo ", "Además, ", "Y "];
const butBad = [", pero ", ". Eso sí, ", ". Lo único, ", ", aunque "];
const butGood = [", aunque ", ". Eso sí, ", ", menos mal que "];

const others: Record<Exclude<Language, "es">, Record<"positive" | "negative" | "mixed" | "neutral", readonly string[]>> = {
  en: {
    positive: ["Great service, thank you!", "Really easy, I will order again.", "Very happy with it.", "Quick and simple, no complaints.", "Lovely, thank you!"],
    negative: ["Very disappointed.", "Far too complicated, I gave up.", "Not what I expected at all.", "This needs to improve, and fast.", "Nobody could help me."],
    mixed: ["Good overall, but some things could be better.", "Fine, although it could be simpler.", "Not bad, but I expected a bit more."],
    neutral: ["It was ok.", "Nothing special.", "As expected."],
  },
  pt: {
    positive: ["Tudo perfeito, obrigada!", "Muito fácil, voltarei a comprar.", "Fiquei muito contente.", "Fácil e rápido, sem queixas."],
    negative: ["Muito decepcionante.", "Complicado demais, desisti.", "Nada do que eu esperava.", "Ninguém conseguiu me ajudar."],
    mixed: ["No geral bem, mas dá para melhorar.", "Bom, embora pudesse ser mais simples.", "Nada mal, mas esperava um pouco mais."],
    neutral: ["Normal.", "Nada de especial.", "Como esperado."],
  },
};

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Resolves `[es-ES|es-419]` and `{o}` for one writer. */
export function localise(text: string, region: SpanishRegion, feminine: boolean): string {
  return text.replace(/\[([^|\]]*)\|([^\]]*)\]/g, (_, spain: string, latam: string) => (region === "es" ? spain : latam)).replace(/\{o\}/g, feminine ? "a" : "o");
}

export interface CommentContext {
  theme: DemoTheme;
  tone: CommentTone;
  language: Language;
  region: SpanishRegion;
  feminine: boolean;
  /** The touchpoint's dated fix is in effect: praise may mention it. */
  afterFix: boolean;
}

/** A comment in the customer's language whose tone is `tone`, about the touchpoint's theme. */
export function composeComment(random: Random, context: CommentContext): string {
  if (context.language !== "es") {
    const bank = others[context.language];
    const kind = context.tone === "mixed_positive" || context.tone === "mixed_negative" ? "mixed" : context.tone;
    return pick(random, bank[kind]);
  }
  const bank = themes[context.theme];
  const good = () => (context.afterFix && random() < 0.4 ? pick(random, afterFixPhrases) : pick(random, bank.good));
  const bad = () => pick(random, bank.bad);
  const secondOf = (first: string, next: () => string) => {
    for (let i = 0; i < 3; i++) {
      const second = next();
      if (second !== first) return second;
    }
    return null;
  };
  const parts: string[] = [];
  switch (context.tone) {
    case "positive": {
      if (random() < 0.45) parts.push(pick(random, openings.positive));
      const first = good();
      let sentence = capitalise(first);
      if (random() < 0.3) {
        const second = secondOf(first, good);
        if (second) sentence += `. ${pick(random, moreGood)}${second}`;
      }
      parts.push(`${sentence}${random() < 0.15 ? "!" : "."}`);
      if (random() < 0.4) parts.push(pick(random, closings.positive));
      break;
    }
    case "negative": {
      if (random() < 0.5) parts.push(pick(random, openings.negative));
      const first = bad();
      let sentence = capitalise(first);
      if (random() < 0.4) {
        const second = secondOf(first, bad);
        if (second) sentence += `. ${pick(random, moreBad)}${second}`;
      }
      parts.push(`${sentence}.`);
      if (random() < 0.45) parts.push(pick(random, closings.negative));
      break;
    }
    case "mixed_positive": {
      const connector = pick(random, butBad);
      parts.push(`${capitalise(good())}${connector}${pick(random, softBad)}.`);
      break;
    }
    case "mixed_negative": {
      const connector = pick(random, butGood);
      parts.push(`${capitalise(bad())}${connector}${pick(random, softGood)}.`);
      break;
    }
    case "neutral": {
      parts.push(pick(random, openings.neutral));
      if (random() < 0.35) parts.push(`${capitalise(random() < 0.5 ? pick(random, bank.good) : pick(random, softGood))}, pero nada más.`);
      break;
    }
  }
  let text = localise(parts.join(" "), context.region, context.feminine);
  // Some people write fast: no capital, no final stop.
  const style = random();
  if (style < 0.12) text = text.charAt(0).toLowerCase() + text.slice(1);
  else if (style < 0.2) text = text.replace(/[.!]$/, "");
  return text;
}

/** Every Spanish phrase of a theme, for tests that check the banks. */
export function themePhrases(theme: DemoTheme): ThemeBank {
  return themes[theme];
}
