// Template: a hotel stay, from booking to the review and the item left behind.
import type { JourneyTemplate } from "./types.js";

export const hotelStay: JourneyTemplate = {
  key: "hotel_stay",
  industry: { es: "Hotelería", en: "Hospitality", pt: "Hotelaria" },
  text: {
    es: {
      name: "Estancia en el hotel",
      description: "El recorrido de un huésped desde que reserva hasta que deja su reseña, pasando por la llegada, la habitación y la salida.",
      scope: "Desde la reserva directa hasta una semana después de la salida. Fuera de alcance: grupos, congresos y reservas a través de agencias.",
      persona: { name: "Carmen y Jorge, escapada de fin de semana", description: "Pareja de unos 45 años que viaja tres o cuatro veces al año. Buscan descansar, una habitación impecable y que nada les complique el viaje." },
    },
    en: {
      name: "Hotel stay",
      description: "A guest's path from booking to leaving a review, through arrival, the room and check-out.",
      scope: "From the direct booking to one week after check-out. Out of scope: groups, conferences and bookings through agencies.",
      persona: { name: "Carmen and George, weekend break", description: "A couple in their mid-forties who travel three or four times a year. They want to rest, a spotless room and nothing to complicate the trip." },
    },
    pt: {
      name: "Hospedagem no hotel",
      description: "O caminho de um hóspede desde a reserva até deixar sua avaliação, passando pela chegada, o quarto e o check-out.",
      scope: "Da reserva direta até uma semana depois do check-out. Fora do escopo: grupos, congressos e reservas por agências.",
      persona: { name: "Carmem e Jorge, fim de semana fora", description: "Casal de uns 45 anos que viaja três ou quatro vezes por ano. Querem descansar, um quarto impecável e que nada complique a viagem." },
    },
  },
  stages: [
    {
      text: {
        es: { name: "Reserva", description: "El huésped elige el hotel y reserva." },
        en: { name: "Booking", description: "The guest chooses the hotel and books." },
        pt: { name: "Reserva", description: "O hóspede escolhe o hotel e reserva." },
      },
      touchpoints: [
        {
          channel: "web",
          modules: ["sense", "think"],
          targets: { ces: 6 },
          text: {
            es: { name: "Reserva en la web del hotel", need: "Reservar al mejor precio sabiendo lo que incluye", expectation: "Fotos fieles, precio final con tasas y cancelación clara" },
            en: { name: "Booking on the hotel website", need: "Book at the best price, knowing what's included", expectation: "Faithful photos, the final price with taxes and a clear cancellation policy" },
            pt: { name: "Reserva no site do hotel", need: "Reservar pelo melhor preço sabendo o que está incluído", expectation: "Fotos fiéis, preço final com taxas e cancelamento claro" },
          },
        },
        {
          channel: "email",
          modules: ["think", "feel"],
          text: {
            es: { name: "Correo previo a la llegada", need: "Preparar el viaje", expectation: "Cómo llegar, horario de entrada, aparcamiento y la opción de pedir algo especial" },
            en: { name: "Pre-arrival e-mail", need: "Prepare the trip", expectation: "Directions, check-in times, parking and the option to ask for something special" },
            pt: { name: "E-mail antes da chegada", need: "Preparar a viagem", expectation: "Como chegar, horário de check-in, estacionamento e a opção de pedir algo especial" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Llegada", description: "El huésped llega al hotel y hace el check-in." },
        en: { name: "Arrival", description: "The guest arrives at the hotel and checks in." },
        pt: { name: "Chegada", description: "O hóspede chega ao hotel e faz o check-in." },
      },
      touchpoints: [
        {
          channel: "store",
          modules: ["relate", "act"],
          momentOfTruth: true,
          targets: { csat: 90, ces: 6 },
          text: {
            es: { name: "Check-in en recepción", need: "Entrar en la habitación cuanto antes", expectation: "Sin colas, con la reserva preparada y una bienvenida cordial", reason: "El huésped llega cansado del viaje: la espera y el trato al llegar marcan toda la estancia." },
            en: { name: "Check-in at reception", need: "Get into the room as soon as possible", expectation: "No queue, the booking ready and a warm welcome", reason: "Guests arrive tired from the journey: the wait and the welcome colour the whole stay." },
            pt: { name: "Check-in na recepção", need: "Entrar no quarto o quanto antes", expectation: "Sem fila, com a reserva pronta e uma recepção cordial", reason: "O hóspede chega cansado da viagem: a espera e o atendimento na chegada marcam toda a estadia." },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Estancia", description: "El huésped disfruta de la habitación y los servicios del hotel." },
        en: { name: "Stay", description: "The guest enjoys the room and the hotel's services." },
        pt: { name: "Estadia", description: "O hóspede aproveita o quarto e os serviços do hotel." },
      },
      touchpoints: [
        {
          channel: "store",
          modules: ["sense", "feel"],
          momentOfTruth: true,
          targets: { csat: 90 },
          text: {
            es: { name: "Primera impresión de la habitación", need: "Descansar en un lugar limpio y tranquilo", expectation: "Limpieza impecable, buena cama, sin ruidos y todo funcionando", reason: "Limpieza, olor y ruido se juzgan en segundos, y pesan más que cualquier otro servicio." },
            en: { name: "First impression of the room", need: "Rest somewhere clean and quiet", expectation: "Spotless, a good bed, no noise and everything working", reason: "Cleanliness, smell and noise are judged in seconds and weigh more than any other service." },
            pt: { name: "Primeira impressão do quarto", need: "Descansar em um lugar limpo e tranquilo", expectation: "Limpeza impecável, cama boa, sem barulho e tudo funcionando", reason: "Limpeza, cheiro e barulho são julgados em segundos e pesam mais que qualquer outro serviço." },
          },
        },
        {
          channel: "store",
          modules: ["sense"],
          text: {
            es: { name: "Desayuno", need: "Empezar bien el día", expectation: "Producto fresco y local, sin colas y con opciones para dietas especiales" },
            en: { name: "Breakfast", need: "Start the day well", expectation: "Fresh, local food, no queues and options for special diets" },
            pt: { name: "Café da manhã", need: "Começar bem o dia", expectation: "Produtos frescos e locais, sem fila e com opções para dietas especiais" },
          },
        },
        {
          channel: "chat",
          modules: ["act"],
          text: {
            es: { name: "Peticiones por chat", need: "Pedir algo sin bajar a recepción", expectation: "Respuesta en minutos y que lo pedido llegue a la habitación" },
            en: { name: "Requests by chat", need: "Ask for something without going down to reception", expectation: "An answer within minutes and the request delivered to the room" },
            pt: { name: "Pedidos pelo chat", need: "Pedir algo sem descer à recepção", expectation: "Resposta em minutos e que o pedido chegue ao quarto" },
          },
        },
        {
          channel: "event",
          modules: ["sense", "relate"],
          text: {
            es: { name: "Actividad del hotel", need: "Vivir algo especial durante la estancia", expectation: "Una cata, un concierto o una excursión bien organizada y sin letra pequeña" },
            en: { name: "Hotel activity", need: "Experience something special during the stay", expectation: "A tasting, a concert or an outing that is well run, with no small print" },
            pt: { name: "Atividade do hotel", need: "Viver algo especial durante a estadia", expectation: "Uma degustação, um show ou um passeio bem organizado e sem letras miúdas" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Salida", description: "El huésped revisa la factura y deja el hotel." },
        en: { name: "Check-out", description: "The guest checks the bill and leaves the hotel." },
        pt: { name: "Saída", description: "O hóspede confere a conta e deixa o hotel." },
      },
      touchpoints: [
        {
          channel: "invoice",
          modules: ["think", "act"],
          momentOfTruth: true,
          targets: { csat: 85, ces: 6 },
          text: {
            es: { name: "Factura y check-out", need: "Salir rápido y pagar lo justo", expectation: "Una factura clara, sin cargos sorpresa, enviada también por correo", reason: "Un cargo inesperado al salir es lo último que el huésped recuerda del hotel." },
            en: { name: "Invoice and check-out", need: "Leave quickly and pay the right amount", expectation: "A clear invoice, with no surprise charges, also sent by e-mail", reason: "An unexpected charge at check-out is the last thing the guest remembers of the hotel." },
            pt: { name: "Conta e check-out", need: "Sair rápido e pagar o justo", expectation: "Uma conta clara, sem cobranças surpresa, enviada também por e-mail", reason: "Uma cobrança inesperada na saída é a última lembrança que o hóspede leva do hotel." },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Después de la estancia", description: "El hotel cuida la relación después de la salida." },
        en: { name: "After the stay", description: "The hotel looks after the relationship after check-out." },
        pt: { name: "Depois da estadia", description: "O hotel cuida do relacionamento depois da saída." },
      },
      touchpoints: [
        {
          channel: "email",
          modules: ["relate"],
          targets: { nps: 50 },
          text: {
            es: { name: "Correo posestancia", need: "Sentir que me recuerdan", expectation: "Un agradecimiento personal y una ventaja real para volver" },
            en: { name: "Post-stay e-mail", need: "Feel remembered", expectation: "A personal thank-you and a real reason to come back" },
            pt: { name: "E-mail pós-estadia", need: "Sentir que se lembram de mim", expectation: "Um agradecimento pessoal e uma vantagem real para voltar" },
          },
        },
        {
          channel: "phone",
          modules: ["relate", "feel"],
          text: {
            es: { name: "Llamada por un objeto olvidado", need: "Recuperar algo que me dejé", expectation: "Que lo encuentren, me lo confirmen el mismo día y me lo envíen sin complicaciones" },
            en: { name: "Call about a forgotten item", need: "Get back something I left behind", expectation: "They find it, confirm the same day and send it without fuss" },
            pt: { name: "Ligação por um objeto esquecido", need: "Recuperar algo que esqueci", expectation: "Que encontrem, confirmem no mesmo dia e enviem sem complicação" },
          },
        },
        {
          channel: "social",
          modules: ["relate"],
          text: {
            es: { name: "Reseña en portales de viaje", need: "Contar mi experiencia", expectation: "Que el hotel lea y responda, también a las críticas" },
            en: { name: "Review on travel sites", need: "Share my experience", expectation: "The hotel reads and replies, criticism included" },
            pt: { name: "Avaliação em sites de viagem", need: "Contar minha experiência", expectation: "Que o hotel leia e responda, inclusive às críticas" },
          },
        },
      ],
    },
  ],
};
