// Template: a visit to a restaurant, from choosing it to coming back for a tasting event.
import type { JourneyTemplate } from "./types.js";

export const restaurantVisit: JourneyTemplate = {
  key: "restaurant_visit",
  industry: { es: "Restauración", en: "Restaurants", pt: "Restaurantes" },
  text: {
    es: {
      name: "Visita al restaurante",
      description: "La experiencia de un comensal desde que elige el restaurante hasta que decide volver o recomendarlo.",
      scope: "Desde la búsqueda del restaurante hasta la reseña y la siguiente visita. Fuera de alcance: pedidos a domicilio a través de plataformas de terceros.",
      persona: { name: "Andrés, cena con amigos", description: "41 años, organiza cenas de grupo un par de veces al mes. Valora reservar fácil, comer bien y que la cuenta no dé sorpresas." },
    },
    en: {
      name: "Restaurant visit",
      description: "A diner's experience from choosing the restaurant to deciding whether to come back or recommend it.",
      scope: "From searching for a restaurant to the review and the next visit. Out of scope: deliveries through third-party platforms.",
      persona: { name: "Andrew, dinner with friends", description: "41, organises group dinners a couple of times a month. Values easy booking, good food and a bill without surprises." },
    },
    pt: {
      name: "Visita ao restaurante",
      description: "A experiência de um cliente desde a escolha do restaurante até decidir voltar ou recomendá-lo.",
      scope: "Da busca pelo restaurante até a avaliação e a próxima visita. Fora do escopo: pedidos por aplicativos de entrega de terceiros.",
      persona: { name: "André, jantar com amigos", description: "41 anos, organiza jantares em grupo algumas vezes por mês. Valoriza reservar fácil, comer bem e uma conta sem surpresas." },
    },
  },
  stages: [
    {
      text: {
        es: { name: "Elección y reserva", description: "El cliente busca dónde comer y reserva mesa." },
        en: { name: "Choosing and booking", description: "The customer looks for a place to eat and books a table." },
        pt: { name: "Escolha e reserva", description: "O cliente procura onde comer e reserva uma mesa." },
      },
      touchpoints: [
        {
          channel: "social",
          modules: ["sense", "relate"],
          text: {
            es: { name: "Reseñas y fotos en redes", need: "Saber si el sitio merece la pena", expectation: "Opiniones recientes, fotos reales de los platos y respuestas del restaurante" },
            en: { name: "Reviews and photos online", need: "Find out whether the place is worth it", expectation: "Recent reviews, real photos of the dishes and replies from the restaurant" },
            pt: { name: "Avaliações e fotos nas redes", need: "Saber se o lugar vale a pena", expectation: "Avaliações recentes, fotos reais dos pratos e respostas do restaurante" },
          },
        },
        {
          channel: "web",
          modules: ["act"],
          targets: { ces: 6 },
          text: {
            es: { name: "Reserva en la web", need: "Asegurar mesa para el grupo", expectation: "Ver disponibilidad al instante y recibir la confirmación sin tener que llamar" },
            en: { name: "Online booking", need: "Secure a table for the group", expectation: "See availability instantly and get the confirmation without having to call" },
            pt: { name: "Reserva pelo site", need: "Garantir mesa para o grupo", expectation: "Ver a disponibilidade na hora e receber a confirmação sem precisar ligar" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Llegada", description: "El cliente llega y espera a sentarse." },
        en: { name: "Arrival", description: "The customer arrives and waits to be seated." },
        pt: { name: "Chegada", description: "O cliente chega e espera para sentar." },
      },
      touchpoints: [
        {
          channel: "store",
          modules: ["relate", "feel"],
          momentOfTruth: true,
          targets: { csat: 90 },
          text: {
            es: { name: "Recibimiento en la puerta", need: "Sentirme bienvenido", expectation: "Que me saluden enseguida, encuentren mi reserva y me acompañen a la mesa", reason: "El trato en los primeros segundos marca el tono de toda la visita." },
            en: { name: "Welcome at the door", need: "Feel welcome", expectation: "Greeted straight away, my booking found and shown to my table", reason: "How guests are treated in the first seconds sets the tone for the whole visit." },
            pt: { name: "Recepção na porta", need: "Me sentir bem-vindo", expectation: "Que me cumprimentem logo, encontrem minha reserva e me levem até a mesa", reason: "O atendimento nos primeiros segundos define o tom de toda a visita." },
          },
        },
        {
          channel: "store",
          modules: ["feel"],
          text: {
            es: { name: "Espera de mesa", need: "No perder la noche esperando", expectation: "Una estimación honesta del tiempo de espera y un sitio cómodo para esperar" },
            en: { name: "Waiting for a table", need: "Not waste the evening waiting", expectation: "An honest estimate of the wait and a comfortable place to wait" },
            pt: { name: "Espera por mesa", need: "Não perder a noite esperando", expectation: "Uma estimativa honesta do tempo de espera e um lugar confortável para esperar" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Comida", description: "El cliente elige, pide y disfruta de la comida." },
        en: { name: "Meal", description: "The customer chooses, orders and enjoys the meal." },
        pt: { name: "Refeição", description: "O cliente escolhe, pede e aproveita a refeição." },
      },
      touchpoints: [
        {
          channel: "store",
          modules: ["think", "sense"],
          text: {
            es: { name: "Carta y pedido", need: "Elegir bien, también con alergias o dietas", expectation: "Una carta clara, con alérgenos indicados y un camarero que sepa recomendar" },
            en: { name: "Menu and ordering", need: "Choose well, also with allergies or diets", expectation: "A clear menu with allergens marked and a waiter who can recommend" },
            pt: { name: "Cardápio e pedido", need: "Escolher bem, inclusive com alergias ou dietas", expectation: "Um cardápio claro, com alergênicos indicados e um garçom que saiba recomendar" },
          },
        },
        {
          channel: "store",
          modules: ["sense", "feel"],
          momentOfTruth: true,
          targets: { csat: 90 },
          text: {
            es: { name: "Servicio de los platos", need: "Comer bien y a buen ritmo", expectation: "Platos a la temperatura justa, como se pidieron y sin esperas largas entre ellos", reason: "La comida es el motivo de la visita: un plato frío o equivocado anula todo lo demás." },
            en: { name: "Serving the dishes", need: "Eat well, at a good pace", expectation: "Dishes at the right temperature, as ordered and without long gaps between them", reason: "The food is the reason for the visit: a cold or wrong dish cancels out everything else." },
            pt: { name: "Serviço dos pratos", need: "Comer bem e no ritmo certo", expectation: "Pratos na temperatura certa, como foram pedidos e sem longas esperas entre eles", reason: "A comida é o motivo da visita: um prato frio ou errado anula todo o resto." },
          },
        },
        {
          channel: "store",
          modules: ["relate"],
          text: {
            es: { name: "Atención del camarero", need: "Que estén pendientes sin agobiar", expectation: "Un camarero atento, que resuelva rápido cualquier petición" },
            en: { name: "Waiter's attention", need: "Be looked after without being pestered", expectation: "An attentive waiter who deals quickly with any request" },
            pt: { name: "Atenção do garçom", need: "Ser bem atendido sem ser incomodado", expectation: "Um garçom atento, que resolva rápido qualquer pedido" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Pago", description: "El cliente pide la cuenta y paga." },
        en: { name: "Payment", description: "The customer asks for the bill and pays." },
        pt: { name: "Pagamento", description: "O cliente pede a conta e paga." },
      },
      touchpoints: [
        {
          channel: "invoice",
          modules: ["think", "act"],
          targets: { ces: 6 },
          text: {
            es: { name: "La cuenta", need: "Pagar sin esperar y con la cuenta correcta", expectation: "La cuenta enseguida, sin errores, pudiendo dividirla y pagar con tarjeta o móvil" },
            en: { name: "The bill", need: "Pay without waiting, with a correct bill", expectation: "The bill right away, without mistakes, with the option to split it and pay by card or phone" },
            pt: { name: "A conta", need: "Pagar sem esperar e com a conta certa", expectation: "A conta logo, sem erros, podendo dividir e pagar com cartão ou celular" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Después de la visita", description: "La relación continúa después de salir del restaurante." },
        en: { name: "After the visit", description: "The relationship goes on after leaving the restaurant." },
        pt: { name: "Depois da visita", description: "O relacionamento continua depois de sair do restaurante." },
      },
      touchpoints: [
        {
          channel: "email",
          modules: ["relate"],
          text: {
            es: { name: "Correo de agradecimiento", need: "Sentir que mi visita importó", expectation: "Un correo breve y personal, sin spam posterior" },
            en: { name: "Thank-you e-mail", need: "Feel that my visit mattered", expectation: "A short, personal e-mail, with no spam afterwards" },
            pt: { name: "E-mail de agradecimento", need: "Sentir que minha visita importou", expectation: "Um e-mail curto e pessoal, sem spam depois" },
          },
        },
        {
          channel: "social",
          modules: ["relate"],
          momentOfTruth: true,
          text: {
            es: { name: "Respuesta a mi reseña", need: "Que escuchen mi opinión", expectation: "Una respuesta amable y concreta en pocos días, sobre todo si fue una queja", reason: "Otros comensales leen cómo responde el restaurante a una queja antes de decidir si van." },
            en: { name: "Reply to my review", need: "Have my opinion heard", expectation: "A kind, specific reply within a few days, especially to a complaint", reason: "Other diners read how the restaurant answers a complaint before deciding whether to go." },
            pt: { name: "Resposta à minha avaliação", need: "Que ouçam minha opinião", expectation: "Uma resposta gentil e concreta em poucos dias, principalmente se foi uma reclamação", reason: "Outros clientes leem como o restaurante responde a uma reclamação antes de decidir se vão." },
          },
        },
        {
          channel: "event",
          modules: ["sense", "relate"],
          targets: { nps: 50 },
          text: {
            es: { name: "Cata o cena especial", need: "Vivir algo distinto en un sitio que me gusta", expectation: "Una invitación con tiempo, plazas limitadas y un precio justo" },
            en: { name: "Tasting or special dinner", need: "Enjoy something different at a place I like", expectation: "An invitation in good time, limited places and a fair price" },
            pt: { name: "Degustação ou jantar especial", need: "Viver algo diferente em um lugar de que gosto", expectation: "Um convite com antecedência, vagas limitadas e um preço justo" },
          },
        },
      ],
    },
  ],
};
