// Template: technical support at a telecom operator, from the outage to the compensated bill.
import type { JourneyTemplate } from "./types.js";

export const telcoSupport: JourneyTemplate = {
  key: "telco_support",
  industry: { es: "Telecomunicaciones", en: "Telecommunications", pt: "Telecomunicações" },
  text: {
    es: {
      name: "Soporte técnico de fibra y móvil",
      description: "Lo que vive un cliente cuando su conexión falla: desde que detecta el problema hasta que se resuelve y lo ve reflejado en su factura.",
      scope: "Desde la primera señal del fallo hasta la factura siguiente. Fuera de alcance: altas nuevas, portabilidades y ventas.",
      persona: { name: "Martín, teletrabaja desde casa", description: "38 años, depende de la fibra para trabajar. Cuando se corta necesita saber qué pasa y cuándo vuelve, sin pasar horas al teléfono." },
    },
    en: {
      name: "Broadband and mobile support",
      description: "What a customer goes through when their connection fails: from noticing the problem to having it fixed and seeing it reflected on the bill.",
      scope: "From the first sign of the fault to the following bill. Out of scope: new contracts, number porting and sales.",
      persona: { name: "Martin, works from home", description: "38, relies on broadband to work. When it drops he needs to know what is happening and when it will be back, without hours on the phone." },
    },
    pt: {
      name: "Suporte técnico de internet e celular",
      description: "O que o cliente vive quando a conexão falha: desde perceber o problema até a solução e vê-la refletida na fatura.",
      scope: "Do primeiro sinal da falha até a fatura seguinte. Fora do escopo: novas contratações, portabilidade e vendas.",
      persona: { name: "Martim, trabalha de casa", description: "38 anos, depende da internet para trabalhar. Quando cai, precisa saber o que está acontecendo e quando volta, sem passar horas ao telefone." },
    },
  },
  stages: [
    {
      text: {
        es: { name: "Detección del problema", description: "El cliente nota el fallo e intenta entender qué pasa." },
        en: { name: "Noticing the problem", description: "The customer notices the fault and tries to understand what is going on." },
        pt: { name: "Percepção do problema", description: "O cliente percebe a falha e tenta entender o que está acontecendo." },
      },
      touchpoints: [
        {
          channel: "app",
          modules: ["think"],
          text: {
            es: { name: "Aviso de incidencia en la app", need: "Saber si es un fallo general o solo mío", expectation: "Un aviso en la app con la zona afectada y una hora estimada de solución" },
            en: { name: "Outage notice in the app", need: "Know whether it's a general outage or just me", expectation: "A notice in the app with the affected area and an estimated fix time" },
            pt: { name: "Aviso de falha no aplicativo", need: "Saber se é uma falha geral ou só comigo", expectation: "Um aviso no aplicativo com a região afetada e a previsão de solução" },
          },
        },
        {
          channel: "social",
          modules: ["relate", "feel"],
          text: {
            es: { name: "Queja en redes sociales", need: "Que alguien me haga caso", expectation: "Una respuesta pública rápida y que sigan por privado sin pedirme otra vez todos mis datos" },
            en: { name: "Complaint on social media", need: "Get someone to pay attention", expectation: "A quick public reply, then follow-up in private without asking for all my details again" },
            pt: { name: "Reclamação nas redes sociais", need: "Que alguém me dê atenção", expectation: "Uma resposta pública rápida e que continuem no privado sem pedir de novo todos os meus dados" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Contacto con soporte", description: "El cliente pide ayuda por chat o por teléfono." },
        en: { name: "Contacting support", description: "The customer asks for help by chat or by phone." },
        pt: { name: "Contato com o suporte", description: "O cliente pede ajuda pelo chat ou por telefone." },
      },
      touchpoints: [
        {
          channel: "chat",
          modules: ["think", "act"],
          targets: { ces: 5 },
          text: {
            es: { name: "Asistente virtual", need: "Resolverlo yo mismo si es algo sencillo", expectation: "Pasos claros y, si no funcionan, pasar a una persona sin volver a empezar" },
            en: { name: "Virtual assistant", need: "Fix it myself if it's simple", expectation: "Clear steps and, if they don't work, a handover to a person without starting over" },
            pt: { name: "Assistente virtual", need: "Resolver sozinho se for algo simples", expectation: "Passos claros e, se não funcionarem, passar para uma pessoa sem recomeçar" },
          },
        },
        {
          channel: "phone",
          modules: ["relate", "feel"],
          momentOfTruth: true,
          targets: { csat: 80, ces: 5.5 },
          text: {
            es: { name: "Llamada al servicio técnico", need: "Que alguien entienda mi problema y lo solucione", expectation: "Poca espera, sin transferencias entre departamentos y un compromiso de fecha", reason: "Llamar por un corte genera tensión: esperas largas y transferencias convierten un fallo técnico en una baja." },
            en: { name: "Call to technical support", need: "Someone who understands my problem and fixes it", expectation: "A short wait, no transfers between departments and a committed date", reason: "Calling about an outage is stressful: long waits and transfers turn a technical fault into a cancellation." },
            pt: { name: "Ligação para o suporte técnico", need: "Alguém que entenda meu problema e resolva", expectation: "Pouca espera, sem transferências entre setores e um compromisso de data", reason: "Ligar por uma queda gera tensão: esperas longas e transferências transformam uma falha técnica em cancelamento." },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Diagnóstico y reparación", description: "La operadora diagnostica el fallo y lo repara, a distancia o en casa." },
        en: { name: "Diagnosis and repair", description: "The operator diagnoses the fault and repairs it, remotely or at home." },
        pt: { name: "Diagnóstico e reparo", description: "A operadora diagnostica a falha e repara, remotamente ou em casa." },
      },
      touchpoints: [
        {
          channel: "app",
          modules: ["think", "act"],
          text: {
            es: { name: "Diagnóstico remoto guiado", need: "Evitar una visita si no hace falta", expectation: "Una prueba de línea automática que diga qué falla y qué hacer" },
            en: { name: "Guided remote diagnosis", need: "Avoid a visit if it isn't needed", expectation: "An automatic line test that says what is wrong and what to do" },
            pt: { name: "Diagnóstico remoto guiado", need: "Evitar uma visita se não for necessária", expectation: "Um teste de linha automático que diga o que falhou e o que fazer" },
          },
        },
        {
          channel: "other",
          modules: ["relate", "act"],
          momentOfTruth: true,
          targets: { csat: 90 },
          text: {
            es: { name: "Visita del técnico", need: "Que lo arreglen a la primera", expectation: "Puntualidad en la franja acordada, trato amable y la conexión funcionando al irse", reason: "El técnico en casa es la cara de la marca: puntualidad y solución a la primera deciden si el cliente se queda." },
            en: { name: "Technician visit", need: "Have it fixed first time", expectation: "On time within the agreed slot, courteous, and the connection working when they leave", reason: "The technician at home is the face of the brand: punctuality and a first-time fix decide whether the customer stays." },
            pt: { name: "Visita do técnico", need: "Que consertem de primeira", expectation: "Pontualidade no horário combinado, educação e a conexão funcionando quando ele sair", reason: "O técnico em casa é o rosto da marca: pontualidade e solução de primeira decidem se o cliente fica." },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Resolución", description: "El servicio vuelve y, si hace falta, se cambia el equipo." },
        en: { name: "Resolution", description: "The service is back and, if needed, the equipment is replaced." },
        pt: { name: "Resolução", description: "O serviço volta e, se preciso, o equipamento é trocado." },
      },
      touchpoints: [
        {
          channel: "delivery",
          modules: ["act"],
          text: {
            es: { name: "Envío de un router nuevo", need: "Tener el equipo nuevo sin perder más días", expectation: "Entrega en 24–48 horas y recogida del router viejo en el mismo momento" },
            en: { name: "New router delivery", need: "Get the new equipment without losing more days", expectation: "Delivery within 24–48 hours and the old router collected at the same time" },
            pt: { name: "Envio de um roteador novo", need: "Ter o equipamento novo sem perder mais dias", expectation: "Entrega em 24–48 horas e retirada do roteador antigo na mesma hora" },
          },
        },
        {
          channel: "packaging",
          modules: ["sense", "act"],
          targets: { ces: 6 },
          text: {
            es: { name: "Apertura e instalación del router", need: "Conectarlo yo solo sin llamar otra vez", expectation: "Una caja sencilla con una guía rápida ilustrada y cables etiquetados" },
            en: { name: "Unboxing and installing the router", need: "Plug it in myself without calling again", expectation: "A simple box with an illustrated quick guide and labelled cables" },
            pt: { name: "Abertura e instalação do roteador", need: "Instalar sozinho sem ligar de novo", expectation: "Uma caixa simples com um guia rápido ilustrado e cabos identificados" },
          },
        },
        {
          channel: "email",
          modules: ["think"],
          text: {
            es: { name: "Confirmación de la solución", need: "Saber que el caso está cerrado", expectation: "Un mensaje con lo que se hizo y cómo reabrir el caso si vuelve a fallar" },
            en: { name: "Resolution confirmation", need: "Know the case is closed", expectation: "A message saying what was done and how to reopen the case if it fails again" },
            pt: { name: "Confirmação da solução", need: "Saber que o caso foi encerrado", expectation: "Uma mensagem com o que foi feito e como reabrir o caso se voltar a falhar" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Seguimiento", description: "La operadora compensa y comprueba que el cliente sigue contento." },
        en: { name: "Follow-up", description: "The operator compensates and checks that the customer is still happy." },
        pt: { name: "Acompanhamento", description: "A operadora compensa e confere se o cliente continua satisfeito." },
      },
      touchpoints: [
        {
          channel: "invoice",
          modules: ["think", "feel"],
          momentOfTruth: true,
          targets: { csat: 80 },
          text: {
            es: { name: "Factura con la compensación", need: "No pagar por días sin servicio", expectation: "El descuento aplicado automáticamente y explicado en la factura", reason: "Ver la compensación en la factura sin tener que reclamarla demuestra que la operadora cumple." },
            en: { name: "Bill with the compensation", need: "Not pay for days without service", expectation: "The discount applied automatically and explained on the bill", reason: "Seeing the compensation on the bill without having to claim it proves the operator keeps its word." },
            pt: { name: "Fatura com a compensação", need: "Não pagar por dias sem serviço", expectation: "O desconto aplicado automaticamente e explicado na fatura", reason: "Ver a compensação na fatura sem precisar reclamar mostra que a operadora cumpre o que promete." },
          },
        },
        {
          channel: "phone",
          modules: ["relate"],
          targets: { nps: 20 },
          text: {
            es: { name: "Llamada de seguimiento", need: "Sentir que les importa", expectation: "Una llamada corta unos días después para comprobar que todo va bien" },
            en: { name: "Follow-up call", need: "Feel that they care", expectation: "A short call a few days later to check everything is fine" },
            pt: { name: "Ligação de acompanhamento", need: "Sentir que se importam", expectation: "Uma ligação curta alguns dias depois para confirmar que está tudo bem" },
          },
        },
      ],
    },
  ],
};
