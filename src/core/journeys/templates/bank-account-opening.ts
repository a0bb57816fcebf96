// Template: opening a bank account, from comparing banks to the first months as a customer.
import type { JourneyTemplate } from "./types.js";

export const bankAccountOpening: JourneyTemplate = {
  key: "bank_account_opening",
  industry: { es: "Banca", en: "Banking", pt: "Bancos" },
  text: {
    es: {
      name: "Apertura de cuenta bancaria",
      description: "Cómo un nuevo cliente elige el banco, abre su cuenta desde el móvil, recibe la tarjeta y vive sus primeros meses.",
      scope: "Desde que compara bancos hasta el tercer extracto mensual. Fuera de alcance: préstamos, hipotecas y banca de empresas.",
      persona: { name: "Valentina, su primera cuenta online", description: "27 años, acaba de empezar a trabajar. Quiere abrir la cuenta desde el móvil, sin ir a una oficina y sin comisiones ocultas." },
    },
    en: {
      name: "Bank account opening",
      description: "How a new customer chooses the bank, opens their account from their phone, gets the card and lives their first months.",
      scope: "From comparing banks to the third monthly statement. Out of scope: loans, mortgages and business banking.",
      persona: { name: "Valerie, her first online account", description: "27, has just started working. Wants to open the account from her phone, without visiting a branch and without hidden fees." },
    },
    pt: {
      name: "Abertura de conta bancária",
      description: "Como um novo cliente escolhe o banco, abre a conta pelo celular, recebe o cartão e vive os primeiros meses.",
      scope: "Desde a comparação entre bancos até o terceiro extrato mensal. Fora do escopo: empréstimos, financiamentos imobiliários e conta PJ.",
      persona: { name: "Valentina, sua primeira conta digital", description: "27 anos, acabou de começar a trabalhar. Quer abrir a conta pelo celular, sem ir a uma agência e sem tarifas escondidas." },
    },
  },
  stages: [
    {
      text: {
        es: { name: "Información", description: "El cliente compara bancos y resuelve sus dudas." },
        en: { name: "Research", description: "The customer compares banks and gets answers to their questions." },
        pt: { name: "Pesquisa", description: "O cliente compara bancos e tira suas dúvidas." },
      },
      touchpoints: [
        {
          channel: "web",
          modules: ["think"],
          text: {
            es: { name: "Web de la cuenta y comisiones", need: "Entender qué cuesta la cuenta", expectation: "Condiciones y comisiones explicadas en lenguaje claro, en una sola página" },
            en: { name: "Account and fees web page", need: "Understand what the account costs", expectation: "Terms and fees explained in plain language, on a single page" },
            pt: { name: "Página da conta e tarifas", need: "Entender quanto custa a conta", expectation: "Condições e tarifas explicadas em linguagem simples, em uma única página" },
          },
        },
        {
          channel: "chat",
          modules: ["think", "relate"],
          text: {
            es: { name: "Consulta por chat", need: "Resolver una duda antes de decidirme", expectation: "Una respuesta humana y precisa en pocos minutos, no un menú interminable" },
            en: { name: "Chat enquiry", need: "Clear up a doubt before deciding", expectation: "A precise, human answer within minutes, not an endless menu" },
            pt: { name: "Dúvida pelo chat", need: "Tirar uma dúvida antes de decidir", expectation: "Uma resposta humana e precisa em poucos minutos, não um menu sem fim" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Solicitud", description: "El cliente rellena el alta y verifica su identidad." },
        en: { name: "Application", description: "The customer fills in the application and verifies their identity." },
        pt: { name: "Solicitação", description: "O cliente preenche o cadastro e verifica sua identidade." },
      },
      touchpoints: [
        {
          channel: "app",
          modules: ["act"],
          momentOfTruth: true,
          targets: { ces: 6, csat: 85 },
          text: {
            es: { name: "Formulario de alta en la app", need: "Abrir la cuenta en pocos minutos", expectation: "Solo los datos imprescindibles, poder pausar y seguir después, sin papeles", reason: "Es donde más solicitudes se abandonan: cada paso de más cuesta clientes." },
            en: { name: "Sign-up form in the app", need: "Open the account in a few minutes", expectation: "Only the essential details, the option to pause and continue later, no paperwork", reason: "This is where most applications are abandoned: every extra step costs customers." },
            pt: { name: "Cadastro no aplicativo", need: "Abrir a conta em poucos minutos", expectation: "Só os dados essenciais, poder pausar e continuar depois, sem papelada", reason: "É onde mais solicitações são abandonadas: cada passo a mais custa clientes." },
          },
        },
        {
          channel: "app",
          modules: ["act", "think"],
          momentOfTruth: true,
          targets: { ces: 5.5 },
          text: {
            es: { name: "Verificación de identidad", need: "Demostrar quién soy sin complicaciones", expectation: "Foto del documento y un selfi que funcionen a la primera, con respuesta inmediata", reason: "Si la verificación falla o tarda días, el cliente se va a otro banco." },
            en: { name: "Identity check", need: "Prove who I am without hassle", expectation: "A photo of my ID and a selfie that work first time, with an immediate answer", reason: "If the check fails or takes days, the customer goes to another bank." },
            pt: { name: "Verificação de identidade", need: "Provar quem sou sem complicação", expectation: "Foto do documento e uma selfie que funcionem de primeira, com resposta imediata", reason: "Se a verificação falha ou demora dias, o cliente vai para outro banco." },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Bienvenida", description: "La cuenta está abierta y el banco da la bienvenida." },
        en: { name: "Welcome", description: "The account is open and the bank welcomes the customer." },
        pt: { name: "Boas-vindas", description: "A conta está aberta e o banco dá as boas-vindas." },
      },
      touchpoints: [
        {
          channel: "email",
          modules: ["think"],
          text: {
            es: { name: "Correo de bienvenida", need: "Tener a mano los datos de mi cuenta", expectation: "Número de cuenta, contrato y próximos pasos en un correo claro" },
            en: { name: "Welcome e-mail", need: "Have my account details to hand", expectation: "Account number, contract and next steps in one clear e-mail" },
            pt: { name: "E-mail de boas-vindas", need: "Ter os dados da minha conta à mão", expectation: "Número da conta, contrato e próximos passos em um e-mail claro" },
          },
        },
        {
          channel: "phone",
          modules: ["relate"],
          text: {
            es: { name: "Llamada de bienvenida del gestor", need: "Saber a quién acudir", expectation: "Una llamada breve, sin presión comercial, con un contacto directo" },
            en: { name: "Welcome call from the adviser", need: "Know who to turn to", expectation: "A short call, with no sales pressure, and a direct contact" },
            pt: { name: "Ligação de boas-vindas do gerente", need: "Saber a quem recorrer", expectation: "Uma ligação curta, sem pressão comercial, com um contato direto" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Tarjeta", description: "El cliente recibe la tarjeta, la activa y la usa por primera vez." },
        en: { name: "Card", description: "The customer receives the card, activates it and uses it for the first time." },
        pt: { name: "Cartão", description: "O cliente recebe o cartão, ativa e usa pela primeira vez." },
      },
      touchpoints: [
        {
          channel: "delivery",
          modules: ["act"],
          text: {
            es: { name: "Envío de la tarjeta", need: "Tener la tarjeta cuanto antes y de forma segura", expectation: "Que llegue en menos de una semana, con seguimiento" },
            en: { name: "Card delivery", need: "Get the card soon and safely", expectation: "Arrives within a week, with tracking" },
            pt: { name: "Envio do cartão", need: "Ter o cartão logo e com segurança", expectation: "Que chegue em menos de uma semana, com rastreamento" },
          },
        },
        {
          channel: "packaging",
          modules: ["sense", "feel"],
          text: {
            es: { name: "Apertura del sobre de la tarjeta", need: "Sentir que es algo seguro y de calidad", expectation: "Un sobre discreto, instrucciones sencillas y el PIN fácil de consultar en la app" },
            en: { name: "Opening the card envelope", need: "Feel it is secure and well made", expectation: "A discreet envelope, simple instructions and the PIN easy to look up in the app" },
            pt: { name: "Abertura do envelope do cartão", need: "Sentir que é algo seguro e de qualidade", expectation: "Um envelope discreto, instruções simples e a senha fácil de consultar no aplicativo" },
          },
        },
        {
          channel: "app",
          modules: ["act"],
          momentOfTruth: true,
          targets: { csat: 90 },
          text: {
            es: { name: "Activación y primera compra", need: "Usar la tarjeta ya", expectation: "Activarla en un toque y que la primera compra funcione, también en el móvil", reason: "La primera compra confirma que todo funciona; si la tarjeta es rechazada, la confianza cae." },
            en: { name: "Activation and first purchase", need: "Use the card now", expectation: "Activate it with one tap and have the first purchase work, on the phone too", reason: "The first purchase confirms everything works; if the card is declined, trust drops." },
            pt: { name: "Ativação e primeira compra", need: "Usar o cartão já", expectation: "Ativar com um toque e que a primeira compra funcione, inclusive pelo celular", reason: "A primeira compra confirma que tudo funciona; se o cartão é recusado, a confiança cai." },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Primeros meses", description: "El cliente usa la cuenta en el día a día." },
        en: { name: "First months", description: "The customer uses the account day to day." },
        pt: { name: "Primeiros meses", description: "O cliente usa a conta no dia a dia." },
      },
      touchpoints: [
        {
          channel: "invoice",
          modules: ["think"],
          momentOfTruth: true,
          targets: { csat: 85 },
          text: {
            es: { name: "Primer extracto y comisiones", need: "Entender mis movimientos y lo que me cobran", expectation: "Un extracto claro, sin comisiones que no me explicaron al abrir la cuenta", reason: "Una comisión inesperada en el primer extracto rompe la promesa hecha en la apertura." },
            en: { name: "First statement and fees", need: "Understand my transactions and what I'm charged", expectation: "A clear statement, with no fees I wasn't told about when I opened the account", reason: "An unexpected fee on the first statement breaks the promise made at opening." },
            pt: { name: "Primeiro extrato e tarifas", need: "Entender minhas movimentações e o que me cobram", expectation: "Um extrato claro, sem tarifas que não me explicaram na abertura", reason: "Uma tarifa inesperada no primeiro extrato quebra a promessa feita na abertura." },
          },
        },
        {
          channel: "phone",
          modules: ["relate", "feel"],
          targets: { ces: 5.5 },
          text: {
            es: { name: "Llamada por un cargo no reconocido", need: "Que me ayuden rápido si veo algo raro", expectation: "Atención inmediata, bloqueo de la tarjeta en el momento y seguimiento del caso" },
            en: { name: "Call about an unknown charge", need: "Get help fast if something looks wrong", expectation: "Immediate help, the card blocked on the spot and follow-up on the case" },
            pt: { name: "Ligação por uma cobrança desconhecida", need: "Ser ajudado rápido se vejo algo estranho", expectation: "Atendimento imediato, bloqueio do cartão na hora e acompanhamento do caso" },
          },
        },
        {
          channel: "training",
          modules: ["think", "relate"],
          text: {
            es: { name: "Taller de finanzas personales", need: "Aprender a ahorrar y a usar mejor la cuenta", expectation: "Una sesión corta y práctica, en línea, sin venderme productos" },
            en: { name: "Personal finance workshop", need: "Learn to save and get more out of the account", expectation: "A short, practical online session, without selling me products" },
            pt: { name: "Oficina de finanças pessoais", need: "Aprender a poupar e usar melhor a conta", expectation: "Uma sessão curta e prática, on-line, sem me vender produtos" },
          },
        },
      ],
    },
  ],
};
