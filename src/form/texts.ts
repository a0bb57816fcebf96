// The form page's own words (everything but the questions, which come from core/forms), in each
// language. Kept here rather than in the dashboard's dictionaries: the page ships only what it shows.
import type { Language } from "../core/i18n/languages.js";

export interface FormTexts {
  title: string;
  progress: string;
  intensity: string;
  intensityAbout: string;
  optional: string;
  placeholder: string;
  next: string;
  back: string;
  send: string;
  sending: string;
  saveFailed: string;
  characters: string;
  privacy: string;
  thanks: string;
  continue: string;
  errorsTitle: string;
  errorNoAnswer: string;
  errorAnswer: string;
  spamRetry: string;
  rateLimited: string;
  notFoundTitle: string;
  notFoundText: string;
  closedTitle: string;
  closedText: string;
}

export const formTexts: Readonly<Record<Language, FormTexts>> = {
  es: {
    title: "Tu opinión",
    progress: "Pregunta {n} de {total}",
    intensity: "¿Con qué intensidad?",
    intensityAbout: "¿Con qué intensidad sentiste {emotion}?",
    optional: "Opcional",
    placeholder: "Escribe aquí…",
    next: "Siguiente",
    back: "Atrás",
    send: "Enviar",
    sending: "Enviando…",
    saveFailed: "No pudimos guardar tu respuesta. Revisa tu conexión; lo intentaremos de nuevo.",
    characters: "caracteres",
    privacy: "Sin cookies ni rastreadores.",
    thanks: "¡Gracias!",
    continue: "Continuar",
    errorsTitle: "Revisa tus respuestas",
    errorNoAnswer: "Elige al menos una respuesta antes de enviar.",
    errorAnswer: "Una respuesta no es válida; elígela de nuevo.",
    spamRetry: "No pudimos guardar tu respuesta. Espera unos segundos y vuelve a enviarla.",
    rateLimited: "Hemos recibido demasiadas respuestas desde tu conexión. Inténtalo de nuevo en unos minutos.",
    notFoundTitle: "No encontramos este formulario",
    notFoundText: "Revisa el enlace o vuelve a escanear el código QR.",
    closedTitle: "Este formulario ya no recibe respuestas",
    closedText: "Gracias por tu interés. La marca cerró esta encuesta.",
  },
  en: {
    title: "Your opinion",
    progress: "Question {n} of {total}",
    intensity: "How strongly?",
    intensityAbout: "How strongly did you feel {emotion}?",
    optional: "Optional",
    placeholder: "Write here…",
    next: "Next",
    back: "Back",
    send: "Send",
    sending: "Sending…",
    saveFailed: "We could not save your answer. Check your connection; we will try again.",
    characters: "characters",
    privacy: "No cookies, no trackers.",
    thanks: "Thank you!",
    continue: "Continue",
    errorsTitle: "Please check your answers",
    errorNoAnswer: "Choose at least one answer before sending.",
    errorAnswer: "One answer is not valid; please choose it again.",
    spamRetry: "We could not save your answer. Wait a few seconds and send it again.",
    rateLimited: "We received too many answers from your connection. Try again in a few minutes.",
    notFoundTitle: "We can't find this form",
    notFoundText: "Check the link, or scan the QR code again.",
    closedTitle: "This form no longer takes answers",
    closedText: "Thank you for your interest. The brand has closed this survey.",
  },
  pt: {
    title: "Sua opinião",
    progress: "Pergunta {n} de {total}",
    intensity: "Com que intensidade?",
    intensityAbout: "Com que intensidade você sentiu {emotion}?",
    optional: "Opcional",
    placeholder: "Escreva aqui…",
    next: "Próxima",
    back: "Voltar",
    send: "Enviar",
    sending: "Enviando…",
    saveFailed: "Não conseguimos salvar sua resposta. Verifique sua conexão; tentaremos de novo.",
    characters: "caracteres",
    privacy: "Sem cookies nem rastreadores.",
    thanks: "Obrigado!",
    continue: "Continuar",
    errorsTitle: "Revise suas respostas",
    errorNoAnswer: "Escolha pelo menos uma resposta antes de enviar.",
    errorAnswer: "Uma resposta não é válida; escolha-a de novo.",
    spamRetry: "Não conseguimos salvar sua resposta. Aguarde alguns segundos e envie de novo.",
    rateLimited: "Recebemos respostas demais da sua conexão. Tente de novo em alguns minutos.",
    notFoundTitle: "Não encontramos este formulário",
    notFoundText: "Verifique o link ou escaneie o código QR de novo.",
    closedTitle: "Este formulário não recebe mais respostas",
    closedText: "Obrigado pelo interesse. A marca encerrou esta pesquisa.",
  },
};
