// Template: onboarding onto a SaaS product, from the trial to the first renewal.
import type { JourneyTemplate } from "./types.js";

export const saasOnboarding: JourneyTemplate = {
  key: "saas_onboarding",
  industry: { es: "Software (SaaS)", en: "Software (SaaS)", pt: "Software (SaaS)" },
  text: {
    es: {
      name: "Onboarding de la plataforma",
      description: "Cómo un equipo evalúa el producto, se da de alta, lo pone en marcha y decide si renueva.",
      scope: "Desde la primera visita a la web hasta la primera renovación. Fuera de alcance: grandes cuentas con implantación a medida.",
      persona: { name: "Sofía, responsable de operaciones", description: "Lidera un equipo de ocho personas en una pyme. Tiene poco tiempo, necesita ver valor en la primera semana y justificar el gasto ante dirección." },
    },
    en: {
      name: "Platform onboarding",
      description: "How a team evaluates the product, signs up, gets it running and decides whether to renew.",
      scope: "From the first visit to the website to the first renewal. Out of scope: enterprise accounts with a custom roll-out.",
      persona: { name: "Sophie, head of operations", description: "Leads a team of eight at a small company. Short on time, needs to see value in the first week and justify the cost to management." },
    },
    pt: {
      name: "Onboarding da plataforma",
      description: "Como uma equipe avalia o produto, se cadastra, coloca em funcionamento e decide se renova.",
      scope: "Da primeira visita ao site até a primeira renovação. Fora do escopo: grandes contas com implantação sob medida.",
      persona: { name: "Sofia, gerente de operações", description: "Lidera uma equipe de oito pessoas em uma pequena empresa. Tem pouco tempo, precisa ver valor na primeira semana e justificar o custo para a diretoria." },
    },
  },
  stages: [
    {
      text: {
        es: { name: "Evaluación", description: "El equipo compara opciones y prueba si el producto le sirve." },
        en: { name: "Evaluation", description: "The team compares options and checks whether the product fits." },
        pt: { name: "Avaliação", description: "A equipe compara opções e testa se o produto serve." },
      },
      touchpoints: [
        {
          channel: "web",
          modules: ["think"],
          text: {
            es: { name: "Web y página de precios", need: "Saber si encaja y cuánto costará", expectation: "Precios públicos, casos parecidos al mío y una prueba sin tarjeta" },
            en: { name: "Website and pricing page", need: "Know whether it fits and what it will cost", expectation: "Public prices, cases like mine and a trial without a credit card" },
            pt: { name: "Site e página de preços", need: "Saber se encaixa e quanto vai custar", expectation: "Preços públicos, casos parecidos com o meu e um teste sem cartão" },
          },
        },
        {
          channel: "event",
          modules: ["think", "relate"],
          text: {
            es: { name: "Webinar de demostración", need: "Ver el producto resolviendo un caso real", expectation: "Una demo breve, con preguntas en directo y la grabación después" },
            en: { name: "Demo webinar", need: "See the product solve a real case", expectation: "A short demo with live questions and the recording afterwards" },
            pt: { name: "Webinar de demonstração", need: "Ver o produto resolvendo um caso real", expectation: "Uma demo curta, com perguntas ao vivo e a gravação depois" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Alta", description: "El equipo crea la cuenta y empieza la prueba." },
        en: { name: "Sign-up", description: "The team creates the account and starts the trial." },
        pt: { name: "Cadastro", description: "A equipe cria a conta e começa o teste." },
      },
      touchpoints: [
        {
          channel: "web",
          modules: ["act"],
          targets: { ces: 6 },
          text: {
            es: { name: "Registro", need: "Empezar a probar en un minuto", expectation: "Pocos campos, acceso con mi cuenta de trabajo y sin esperar aprobaciones" },
            en: { name: "Registration", need: "Start trying it within a minute", expectation: "Few fields, sign-in with my work account and no waiting for approval" },
            pt: { name: "Registro", need: "Começar a testar em um minuto", expectation: "Poucos campos, acesso com minha conta de trabalho e sem esperar aprovação" },
          },
        },
        {
          channel: "email",
          modules: ["think"],
          text: {
            es: { name: "Correo de bienvenida", need: "Saber por dónde empezar", expectation: "Tres pasos concretos para sacarle partido esta semana, sin una avalancha de correos" },
            en: { name: "Welcome e-mail", need: "Know where to start", expectation: "Three concrete steps to get value this week, without an avalanche of e-mails" },
            pt: { name: "E-mail de boas-vindas", need: "Saber por onde começar", expectation: "Três passos concretos para aproveitar o produto nesta semana, sem uma avalanche de e-mails" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Puesta en marcha", description: "El equipo configura el producto y lo usa por primera vez de verdad." },
        en: { name: "Getting started", description: "The team sets the product up and uses it for real for the first time." },
        pt: { name: "Primeiros passos", description: "A equipe configura o produto e usa de verdade pela primeira vez." },
      },
      touchpoints: [
        {
          channel: "app",
          modules: ["act", "think"],
          momentOfTruth: true,
          targets: { csat: 85, ces: 5.5 },
          text: {
            es: { name: "Asistente de configuración", need: "Ver resultados en la primera sesión", expectation: "Una guía paso a paso, con datos de ejemplo, que me lleve al primer resultado útil", reason: "Si el equipo no ve valor en la primera sesión, la prueba no se convierte en cliente." },
            en: { name: "Set-up wizard", need: "See results in the first session", expectation: "A step-by-step guide, with sample data, that takes me to the first useful result", reason: "If the team sees no value in the first session, the trial does not turn into a customer." },
            pt: { name: "Assistente de configuração", need: "Ver resultados na primeira sessão", expectation: "Um guia passo a passo, com dados de exemplo, que me leve ao primeiro resultado útil", reason: "Se a equipe não vê valor na primeira sessão, o teste não vira cliente." },
          },
        },
        {
          channel: "app",
          modules: ["act"],
          text: {
            es: { name: "Importación de datos", need: "Traer mis datos sin rehacer el trabajo", expectation: "Importar desde hoja de cálculo o desde mi herramienta actual sin errores" },
            en: { name: "Data import", need: "Bring my data over without redoing work", expectation: "Import from a spreadsheet or my current tool without errors" },
            pt: { name: "Importação de dados", need: "Trazer meus dados sem refazer o trabalho", expectation: "Importar de planilha ou da minha ferramenta atual sem erros" },
          },
        },
        {
          channel: "training",
          modules: ["think", "relate"],
          text: {
            es: { name: "Formación en línea para el equipo", need: "Que todo el equipo sepa usarlo", expectation: "Una sesión de una hora, práctica y con ejemplos de nuestro sector" },
            en: { name: "Online training for the team", need: "The whole team knows how to use it", expectation: "A practical one-hour session with examples from our industry" },
            pt: { name: "Treinamento on-line para a equipe", need: "Que toda a equipe saiba usar", expectation: "Uma sessão de uma hora, prática e com exemplos do nosso setor" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Uso diario", description: "El producto forma parte del trabajo del equipo." },
        en: { name: "Everyday use", description: "The product becomes part of the team's work." },
        pt: { name: "Uso diário", description: "O produto faz parte do trabalho da equipe." },
      },
      touchpoints: [
        {
          channel: "chat",
          modules: ["relate"],
          momentOfTruth: true,
          targets: { csat: 90, ces: 6 },
          text: {
            es: { name: "Chat de soporte en el producto", need: "Desbloquearme cuando algo no funciona", expectation: "Una persona que responde en minutos y conoce mi cuenta", reason: "Una respuesta rápida cuando algo bloquea al equipo convierte a un usuario escéptico en promotor." },
            en: { name: "In-product support chat", need: "Get unblocked when something doesn't work", expectation: "A person who answers within minutes and knows my account", reason: "A fast answer when something blocks the team turns a sceptical user into a promoter." },
            pt: { name: "Chat de suporte no produto", need: "Destravar quando algo não funciona", expectation: "Uma pessoa que responde em minutos e conhece minha conta", reason: "Uma resposta rápida quando algo trava a equipe transforma um usuário cético em promotor." },
          },
        },
        {
          channel: "web",
          modules: ["think"],
          text: {
            es: { name: "Centro de ayuda", need: "Encontrar la respuesta por mi cuenta", expectation: "Artículos actualizados, con capturas y un buscador que entienda mis palabras" },
            en: { name: "Help centre", need: "Find the answer on my own", expectation: "Up-to-date articles with screenshots and a search that understands my words" },
            pt: { name: "Central de ajuda", need: "Encontrar a resposta sozinho", expectation: "Artigos atualizados, com capturas de tela e uma busca que entenda minhas palavras" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Facturación y renovación", description: "El cliente paga, revisa el valor obtenido y decide si renueva." },
        en: { name: "Billing and renewal", description: "The customer pays, reviews the value gained and decides whether to renew." },
        pt: { name: "Cobrança e renovação", description: "O cliente paga, avalia o valor obtido e decide se renova." },
      },
      touchpoints: [
        {
          channel: "invoice",
          modules: ["think"],
          text: {
            es: { name: "Factura mensual", need: "Pagar solo lo que usamos", expectation: "Una factura con el detalle por usuario, con los datos fiscales correctos y sin cargos sorpresa" },
            en: { name: "Monthly invoice", need: "Pay only for what we use", expectation: "An invoice itemised per user, with correct tax details and no surprise charges" },
            pt: { name: "Fatura mensal", need: "Pagar só pelo que usamos", expectation: "Uma fatura detalhada por usuário, com os dados fiscais corretos e sem cobranças surpresa" },
          },
        },
        {
          channel: "phone",
          modules: ["relate", "think"],
          momentOfTruth: true,
          targets: { nps: 30 },
          text: {
            es: { name: "Llamada de revisión antes de renovar", need: "Justificar la inversión ante dirección", expectation: "Datos de uso y resultados de mi equipo, y propuestas, no solo una venta", reason: "La renovación se decide aquí: si el cliente no ve el valor conseguido, se da de baja." },
            en: { name: "Review call before renewal", need: "Justify the investment to management", expectation: "Usage data and my team's results, plus suggestions, not just a sales pitch", reason: "Renewal is decided here: if the customer can't see the value gained, they cancel." },
            pt: { name: "Ligação de revisão antes da renovação", need: "Justificar o investimento para a diretoria", expectation: "Dados de uso e resultados da minha equipe, com sugestões, não só uma venda", reason: "A renovação se decide aqui: se o cliente não vê o valor obtido, cancela." },
          },
        },
        {
          channel: "event",
          modules: ["relate"],
          text: {
            es: { name: "Encuentro de usuarios", need: "Aprender de otros clientes", expectation: "Casos reales, acceso al equipo de producto y un buen ambiente" },
            en: { name: "User meetup", need: "Learn from other customers", expectation: "Real cases, access to the product team and a good atmosphere" },
            pt: { name: "Encontro de usuários", need: "Aprender com outros clientes", expectation: "Casos reais, acesso à equipe de produto e um bom clima" },
          },
        },
      ],
    },
  ],
};
