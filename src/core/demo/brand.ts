// The demo brand: Casa Candela, a Spanish online shop for home goods with four click-and-collect
// stores. Its two journeys, its team and, per touchpoint, how customers tend to feel there: the
// parameters the generator (generate.ts) turns into responses. Everything a person reads is Spanish.
import type { EmotionCode } from "../emotions.js";
import type { JourneyDraft, TouchpointDraft } from "../journeys/document.js";
import type { Channel, ExperientialModule, Targets } from "../journeys/model.js";
import type { UrlSource } from "../responses/sources.js";

export const demoBrandName = "Casa Candela";
export const demoOwnerEmail = "demo@momentos.local";
export const demoOwnerName = "Carmen Vidal";

/** The colleagues who own touchpoints (members of the demo organisation; they cannot sign in until someone resets their password). */
export const demoTeam = [
  { key: "ecommerce", name: "Lucía Navarro", email: "lucia.navarro@casacandela.example", role: "admin" },
  { key: "logistics", name: "Javier Ortega", email: "javier.ortega@casacandela.example", role: "analyst" },
  { key: "care", name: "Marta Sanz", email: "marta.sanz@casacandela.example", role: "analyst" },
  { key: "marketing", name: "Diego Romero", email: "diego.romero@casacandela.example", role: "analyst" },
  { key: "stores", name: "Nuria Ferrer", email: "nuria.ferrer@casacandela.example", role: "viewer" },
] as const;
export type TeamKey = (typeof demoTeam)[number]["key"] | "owner";

/** The physical stores: click-and-collect, in-store returns and QR cards on the counter. */
export const demoStores = [
  { name: "Madrid Malasaña", weight: 0.38, effect: 0.1 },
  { name: "Barcelona Gràcia", weight: 0.3, effect: 0.05 },
  { name: "Valencia Ruzafa", weight: 0.18, effect: 0 },
  { name: "Sevilla Triana", weight: 0.14, effect: -0.45 },
] as const;

/** Customer segments sent as the hidden field m_segment, and how each tends to feel. */
export const demoSegments = [
  { code: "nuevo", weight: 0.34, effect: -0.1 },
  { code: "recurrente", weight: 0.46, effect: 0 },
  { code: "club", weight: 0.2, effect: 0.3 },
] as const;

/** What the customer bought through (hidden field `channel`). */
export const demoPurchaseChannels = [
  { code: "web", weight: 0.55 },
  { code: "app", weight: 0.33 },
  { code: "tienda", weight: 0.12 },
] as const;

export type DemoTheme =
  | "social_ad" | "catalogue" | "product_page" | "checkout" | "confirmation" | "tracking" | "home_delivery"
  | "store_pickup" | "unboxing" | "first_use" | "assembly" | "invoice" | "newsletter" | "loyalty"
  | "help_centre" | "chat" | "phone" | "return_request" | "return_label" | "return_pickup" | "store_return"
  | "refund_notice" | "refund" | "exchange" | "resolution";

/** Which kind of day drives a touchpoint's volume: purchases, deliveries (few on Sundays) or returns (peak in January). */
export type DemoRhythm = "purchase" | "delivery" | "aftersales" | "returns";

export interface DemoTouchpointModel {
  theme: DemoTheme;
  /** Mean of the latent satisfaction (about −1.5 … +1.5; 0 is "fine"). */
  quality: number;
  /** Added to effort: positive makes the CES higher (easier) than satisfaction alone would. */
  ease: number;
  /** Relative number of responses. */
  volume: number;
  rhythm: DemoRhythm;
  /** Share of each source (link, qr, widget, email). */
  sources: Partial<Record<UrlSource, number>>;
  /** Share of visits that stop before the last closed question. */
  abandon: number;
  /** Extra weight of some emotions when customers feel that way here. */
  positive?: Partial<Record<EmotionCode, number>>;
  negative?: Partial<Record<EmotionCode, number>>;
  /** Overloaded in the November–December peak, and returns after Christmas (the latent mean drops then). */
  peakStrain?: number;
  /** Responses come from a store (placement and hidden field `store`). */
  inStore?: boolean;
}

export interface DemoTouchpoint {
  draft: TouchpointDraft;
  owner: TeamKey;
  model: DemoTouchpointModel;
}

export interface DemoJourney {
  draft: Omit<JourneyDraft, "stages">;
  stages: Array<{ name: string; description: string; touchpoints: DemoTouchpoint[] }>;
}

/** The dated fix: a moment of truth that gets clearly better from a given day. */
export interface DemoFix {
  theme: DemoTheme;
  /** Days before today (UTC) the fix took effect. */
  daysAgo: number;
  /** The latent mean from that day on. */
  qualityAfter: number;
  /** What changed, for the touchpoint's description and the command's output. */
  what: string;
}

export const demoFix: DemoFix = {
  theme: "home_delivery",
  daysAgo: 38,
  qualityAfter: 0.75,
  what: "nuevo operador logístico con franja de entrega de dos horas y aviso por SMS la víspera",
};

/** A form that was reworded during the year: responses before the day use version 1, after it version 2. */
export const demoRewording = { theme: "product_page" as DemoTheme, daysAgo: 150, experience: "la ficha del producto" };

function touchpoint(
  name: string,
  fields: {
    channel: Channel;
    modules: ExperientialModule[];
    need: string;
    expectation: string;
    description?: string;
    momentOfTruth?: string;
    targets?: Partial<Targets>;
  },
  owner: TeamKey,
  model: DemoTouchpointModel,
): DemoTouchpoint {
  return {
    owner,
    model,
    draft: {
      name,
      description: fields.description ?? "",
      channel: fields.channel,
      customerNeed: fields.need,
      customerExpectation: fields.expectation,
      ownerUserId: null,
      modules: fields.modules,
      momentOfTruth: fields.momentOfTruth !== undefined,
      momentOfTruthReason: fields.momentOfTruth ?? "",
      targets: { nps: null, csat: null, ces: null, ...fields.targets },
      status: "active",
    },
  };
}

const web = { widget: 0.6, link: 0.15, email: 0.25 };
const mail = { email: 0.8, link: 0.2 };
const sms = { link: 0.65, email: 0.35 };
const pack = { qr: 0.85, link: 0.15 };
const store = { qr: 0.75, link: 0.25 };

export const demoJourneys: DemoJourney[] = [
  {
    draft: {
      name: "Compra online",
      description: "Lo que vive un cliente de Casa Candela desde que descubre un producto hasta que lo recibe, lo estrena y vuelve a comprar.",
      scope: "Empieza con el primer anuncio o búsqueda y termina con la siguiente compra. Las devoluciones y la atención al cliente tienen su propio recorrido.",
      persona: { name: "Lucía, 34 años, compra desde el móvil", description: "Amuebla su primer piso. Compra por la noche desde el móvil, quiere saber cuándo llega el pedido y que llegue bien embalado." },
      language: "es",
    },
    stages: [
      {
        name: "Descubrimiento",
        description: "El cliente descubre Casa Candela y compara productos.",
        touchpoints: [
          touchpoint("Anuncio en redes sociales", { channel: "social", modules: ["sense", "feel"], need: "Inspirarme con ideas para mi casa", expectation: "Anuncios bonitos y con el precio a la vista, que no me persigan" }, "marketing",
            { theme: "social_ad", quality: 0.35, ease: 0.2, volume: 0.55, rhythm: "purchase", sources: { link: 0.7, widget: 0.3 }, abandon: 0.12, positive: { excitement: 2, pleasant_surprise: 1.5 }, negative: { distrust: 1.5 } }),
          touchpoint("Buscador y catálogo de la web", { channel: "web", modules: ["think", "act"], need: "Encontrar rápido lo que busco", expectation: "Filtros por medida, color y precio que funcionen", targets: { csat: 80, ces: 5.5 } }, "ecommerce",
            { theme: "catalogue", quality: 0.25, ease: -0.1, volume: 0.9, rhythm: "purchase", sources: web, abandon: 0.09 }),
          touchpoint("Ficha de producto", { channel: "web", modules: ["sense", "think"], need: "Decidir con información fiable", expectation: "Fotos reales, medidas exactas, materiales y plazo de entrega antes de pagar", targets: { csat: 85 } }, "ecommerce",
            { theme: "product_page", quality: 0.55, ease: 0.2, volume: 1.0, rhythm: "purchase", sources: web, abandon: 0.08, positive: { excitement: 1.5 } }),
        ],
      },
      {
        name: "Compra",
        description: "Carrito, pago y confirmación del pedido.",
        touchpoints: [
          touchpoint("Carrito y pago", {
            channel: "web", modules: ["act", "think"], need: "Pagar rápido y con seguridad", expectation: "Pocos pasos, Bizum o tarjeta, y ningún gasto sorpresa al final",
            momentOfTruth: "Si el pago falla o aparecen gastos de envío inesperados, el cliente abandona el carrito y muchas veces no vuelve.", targets: { nps: 40, csat: 85, ces: 6 },
          }, "ecommerce", { theme: "checkout", quality: 0.7, ease: 0.4, volume: 1.3, rhythm: "purchase", sources: { widget: 0.75, link: 0.1, email: 0.15 }, abandon: 0.07, positive: { calm: 2 }, negative: { distrust: 2, frustration: 1.5 } }),
          touchpoint("Correo de confirmación del pedido", { channel: "email", modules: ["think"], need: "Tener la certeza de que el pedido se hizo bien", expectation: "Un correo al momento con el resumen, el importe y la fecha de entrega" }, "ecommerce",
            { theme: "confirmation", quality: 0.85, ease: 0.6, volume: 0.7, rhythm: "purchase", sources: mail, abandon: 0.05, positive: { calm: 3 } }),
        ],
      },
      {
        name: "Entrega",
        description: "Del almacén a la puerta de casa o a la tienda.",
        touchpoints: [
          touchpoint("Seguimiento del envío", { channel: "app", modules: ["think"], need: "Saber dónde está mi pedido", expectation: "Un enlace de seguimiento que se actualice y avisos cuando cambie algo", targets: { csat: 75 } }, "logistics",
            { theme: "tracking", quality: 0.15, ease: 0, volume: 0.9, rhythm: "delivery", sources: sms, abandon: 0.08, peakStrain: 0.35, negative: { worry: 3 } }),
          touchpoint("Entrega a domicilio", {
            channel: "delivery", modules: ["sense", "feel", "act"], need: "Recibir el pedido sin estar pendiente todo el día", expectation: "Que llegue el día prometido, en una franja concreta y en buen estado",
            momentOfTruth: "Es cuando se cumple o se rompe la promesa de la compra: un retraso o un paquete dañado pesa más que todo lo anterior.", targets: { nps: 30, csat: 80, ces: 5.5 },
          }, "logistics", { theme: "home_delivery", quality: -0.45, ease: -0.1, volume: 1.4, rhythm: "delivery", sources: sms, abandon: 0.08, peakStrain: 0.45, negative: { frustration: 2.5, anger: 1.5, worry: 1.5 } }),
          touchpoint("Recogida en tienda", { channel: "store", modules: ["sense", "act", "relate"], need: "Recoger el pedido cuando me venga bien", expectation: "Que esté listo cuando me avisan y no tener que hacer cola", targets: { csat: 85 } }, "stores",
            { theme: "store_pickup", quality: 0.6, ease: 0.3, volume: 0.45, rhythm: "delivery", sources: store, abandon: 0.06, inStore: true, positive: { calm: 1.5, affection: 1.2 } }),
          touchpoint("Desembalaje del pedido", {
            channel: "packaging", modules: ["sense", "feel"], need: "Que todo llegue entero y bien presentado", expectation: "Un embalaje que proteja, sin plástico de más y fácil de abrir",
            momentOfTruth: "El primer contacto físico con la marca: un jarrón roto o un embalaje excesivo se cuenta en redes.",
          }, "logistics", { theme: "unboxing", quality: 0.65, ease: 0.5, volume: 0.8, rhythm: "delivery", sources: pack, abandon: 0.06, positive: { excitement: 2.5, pleasant_surprise: 2, joy: 1.5 }, negative: { disappointment: 2.5 } }),
        ],
      },
      {
        name: "Uso",
        description: "El cliente estrena lo que compró.",
        touchpoints: [
          touchpoint("Primer uso del producto", { channel: "other", modules: ["sense", "feel"], need: "Que el producto sea como en las fotos", expectation: "Calidad y acabados a la altura del precio" }, "ecommerce",
            { theme: "first_use", quality: 0.7, ease: 0.4, volume: 0.75, rhythm: "aftersales", sources: mail, abandon: 0.06, positive: { joy: 2, affection: 1.5 }, negative: { disappointment: 3 } }),
          touchpoint("Instrucciones de montaje", { channel: "packaging", modules: ["think", "act"], need: "Montar el mueble sin ayuda", expectation: "Instrucciones claras, piezas contadas y un vídeo si hace falta", targets: { ces: 5 } }, "ecommerce",
            { theme: "assembly", quality: -0.05, ease: -0.6, volume: 0.4, rhythm: "aftersales", sources: pack, abandon: 0.1, negative: { frustration: 3 } }),
          touchpoint("Factura", { channel: "invoice", modules: ["think"], need: "Tener la factura para mis cuentas", expectation: "Descargarla de mi cuenta con mis datos fiscales correctos" }, "ecommerce",
            { theme: "invoice", quality: 0.4, ease: 0.2, volume: 0.25, rhythm: "aftersales", sources: mail, abandon: 0.1, positive: { calm: 3 }, negative: { frustration: 1.5, distrust: 1 } }),
        ],
      },
      {
        name: "Fidelización",
        description: "Lo que hace que el cliente vuelva.",
        touchpoints: [
          touchpoint("Newsletter semanal", { channel: "email", modules: ["feel", "relate"], need: "Ideas y ofertas que me interesen", expectation: "Pocos correos, bien elegidos y fáciles de dar de baja" }, "marketing",
            { theme: "newsletter", quality: 0.15, ease: 0.3, volume: 0.45, rhythm: "purchase", sources: { email: 0.9, link: 0.1 }, abandon: 0.14, positive: { excitement: 1.5 }, negative: { frustration: 1.5 } }),
          touchpoint("Club Candela (puntos)", { channel: "app", modules: ["feel", "relate", "act"], need: "Sentir que ser cliente fiel tiene premio", expectation: "Puntos claros, que se puedan canjear sin letra pequeña", targets: { nps: 50 } }, "marketing",
            { theme: "loyalty", quality: 0.6, ease: 0.2, volume: 0.35, rhythm: "purchase", sources: { widget: 0.5, email: 0.35, link: 0.15 }, abandon: 0.08, positive: { affection: 3, joy: 1.5 } }),
        ],
      },
    ],
  },
  {
    draft: {
      name: "Devoluciones y atención al cliente",
      description: "Cuando algo no sale bien: pedir ayuda, devolver un producto y recibir el dinero o el cambio.",
      scope: "Empieza cuando el cliente busca ayuda o decide devolver y termina cuando recibe el reembolso, el cambio o la solución.",
      persona: { name: "Andrés, 47 años, quiere devolver un regalo", description: "Compra poco online y desconfía. Quiere saber en todo momento qué pasa con su dinero." },
      language: "es",
    },
    stages: [
      {
        name: "Pedir ayuda",
        description: "El cliente busca una respuesta o habla con nosotros.",
        touchpoints: [
          touchpoint("Centro de ayuda", { channel: "web", modules: ["think"], need: "Resolver mi duda yo solo", expectation: "Respuestas cortas, actualizadas y un buscador que entienda mi pregunta" }, "care",
            { theme: "help_centre", quality: -0.1, ease: -0.2, volume: 0.5, rhythm: "aftersales", sources: { widget: 0.8, link: 0.2 }, abandon: 0.15, negative: { frustration: 2 } }),
          touchpoint("Chat de atención", { channel: "chat", modules: ["relate", "think"], need: "Hablar con una persona que me entienda", expectation: "Que me atiendan en minutos y no me hagan repetir el número de pedido", targets: { csat: 80, ces: 5.5 } }, "care",
            { theme: "chat", quality: 0.35, ease: 0.1, volume: 0.75, rhythm: "aftersales", sources: { widget: 0.7, link: 0.3 }, abandon: 0.08, peakStrain: 0.5, positive: { calm: 2, affection: 1.5 } }),
          touchpoint("Teléfono de atención", { channel: "phone", modules: ["relate"], need: "Que alguien me solucione el problema ya", expectation: "Poca espera y una persona que pueda decidir" }, "care",
            { theme: "phone", quality: 0.05, ease: -0.2, volume: 0.45, rhythm: "aftersales", sources: { link: 0.8, email: 0.2 }, abandon: 0.1, peakStrain: 0.4, negative: { frustration: 2, anger: 1.5 } }),
        ],
      },
      {
        name: "Devolución",
        description: "Solicitar la devolución y hacer llegar el producto.",
        touchpoints: [
          touchpoint("Solicitud de devolución en la web", {
            channel: "web", modules: ["think", "act"], need: "Devolver sin dar explicaciones ni perder tiempo", expectation: "Un formulario corto, con los motivos claros y la etiqueta al momento",
            momentOfTruth: "Una devolución fácil convierte un mal pedido en un cliente fiel; una difícil lo pierde para siempre.", targets: { nps: 10, csat: 75, ces: 5.5 },
          }, "care", { theme: "return_request", quality: -0.85, ease: -0.7, volume: 0.7, rhythm: "returns", sources: { widget: 0.55, email: 0.3, link: 0.15 }, peakStrain: 0.3, abandon: 0.14, negative: { frustration: 3, anger: 1.5, distrust: 1 } }),
          touchpoint("Etiqueta y embalaje de la devolución", { channel: "packaging", modules: ["act"], need: "Preparar el paquete sin complicaciones", expectation: "Etiqueta imprimible o código en el móvil, y poder reutilizar la caja" }, "logistics",
            { theme: "return_label", quality: -0.35, ease: -0.5, volume: 0.4, rhythm: "returns", sources: { email: 0.6, link: 0.4 }, peakStrain: 0.2, abandon: 0.12, negative: { frustration: 2.5 } }),
          touchpoint("Recogida de la devolución", { channel: "delivery", modules: ["act"], need: "Que vengan a por el paquete cuando dicen", expectation: "Una franja de recogida que se cumpla", targets: { csat: 70 } }, "logistics",
            { theme: "return_pickup", quality: -0.9, ease: -0.6, volume: 0.5, rhythm: "returns", sources: sms, abandon: 0.12, peakStrain: 0.3, negative: { anger: 2, frustration: 2, worry: 1 } }),
          touchpoint("Devolución en tienda", { channel: "store", modules: ["relate", "act"], need: "Devolverlo en persona y olvidarme", expectation: "Que me lo acepten sin pegas y me den el comprobante" }, "stores",
            { theme: "store_return", quality: 0.45, ease: 0.4, volume: 0.3, rhythm: "returns", sources: store, abandon: 0.06, inStore: true, positive: { calm: 3 } }),
        ],
      },
      {
        name: "Reembolso o cambio",
        description: "El dinero vuelve o llega el producto nuevo.",
        touchpoints: [
          touchpoint("Aviso de devolución recibida", { channel: "email", modules: ["think"], need: "Saber que mi paquete ha llegado", expectation: "Un correo cuando lo reciben, con el importe y el plazo del reembolso" }, "care",
            { theme: "refund_notice", quality: -0.2, ease: 0.1, volume: 0.4, rhythm: "returns", sources: mail, peakStrain: 0.25, abandon: 0.08, negative: { worry: 3, distrust: 1.5 } }),
          touchpoint("Reembolso", {
            channel: "invoice", modules: ["think", "feel"], need: "Recuperar mi dinero", expectation: "El reembolso en mi cuenta en pocos días, por el importe completo",
            momentOfTruth: "Es el último recuerdo que se lleva el cliente: si el dinero tarda, todo lo anterior se olvida.", targets: { nps: 0, csat: 70, ces: 5 },
          }, "care", { theme: "refund", quality: -1.1, ease: -0.4, volume: 0.6, rhythm: "returns", sources: mail, peakStrain: 0.5, abandon: 0.1, negative: { distrust: 2.5, anger: 2, worry: 1.5 } }),
          touchpoint("Cambio por otro producto", { channel: "delivery", modules: ["act", "feel"], need: "Tener el producto correcto cuanto antes", expectation: "Que me envíen el nuevo sin esperar a que llegue el devuelto" }, "logistics",
            { theme: "exchange", quality: -0.15, ease: -0.2, volume: 0.3, rhythm: "returns", sources: sms, abandon: 0.09, negative: { frustration: 2, disappointment: 1.5 } }),
        ],
      },
      {
        name: "Cierre",
        description: "El caso se cierra y el cliente decide si vuelve.",
        touchpoints: [
          touchpoint("Resolución de la incidencia", {
            channel: "email", modules: ["relate", "feel"], need: "Sentir que mi problema importó", expectation: "Una solución justa, explicada, y que no vuelva a pasar",
            momentOfTruth: "Un cliente con un problema bien resuelto recomienda más que uno que nunca tuvo problemas.", targets: { nps: 20, csat: 75 },
          }, "care", { theme: "resolution", quality: 0.1, ease: 0, volume: 0.5, rhythm: "aftersales", sources: mail, abandon: 0.08, positive: { calm: 2, affection: 1.5, pleasant_surprise: 1 }, negative: { disappointment: 2, distrust: 1.5 } }),
        ],
      },
    ],
  },
];

/** Every demo touchpoint, in journey, stage and board order. */
export function demoTouchpoints(): DemoTouchpoint[] {
  return demoJourneys.flatMap((j) => j.stages.flatMap((s) => s.touchpoints));
}
