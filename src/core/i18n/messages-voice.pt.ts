// Portuguese texts of voice-of-the-customer imports that the server's codes name (docs/import.md); spread into pt.
import type { voiceEs } from "./messages-voice.es.js";

export const voicePt: { readonly [K in keyof typeof voiceEs]: string } = {
  "voice.importError.missing_column": "Falta a coluna “{detail}” no arquivo. Adicione-a e envie o arquivo de novo.",
  "voice.importError.csv_syntax": "O CSV está malformado ({detail}). As linhas anteriores foram guardadas; corrija essa linha e envie o arquivo de novo: o que já foi guardado conta como duplicado.",
  "voice.importError.file_too_large": "O arquivo passa de 1 GB. Divida-o em vários.",
  "voice.importError.upload_aborted": "O envio foi interrompido. O que foi lido foi guardado; envie o arquivo de novo e o que já foi guardado contará como duplicado.",
  "voice.importError.store_failed": "Uma parte do arquivo não pôde ser guardada. Envie-o de novo: o que já foi guardado conta como duplicado.",
  "voice.importError.server_stopped": "O servidor parou durante a importação. Envie o arquivo de novo: o que já foi guardado conta como duplicado.",
  "voice.importError.import_failed": "A importação não pôde terminar. Tente de novo.",
  "voice.modelError.not_enough_data": "Havia poucas respostas utilizáveis (com comentário e a emoção ou as notas do cliente) no treinamento. Aguarde mais respostas e tente de novo.",
  "voice.modelError.training_failed": "O treinamento não pôde terminar. Tente de novo; se voltar a acontecer, verifique o registro do servidor.",
  "textExport.column.at": "Data (UTC)",
  "textExport.column.source": "Origem",
  "textExport.column.touchpoint": "Ponto de contato",
  "textExport.column.language": "Idioma",
  "textExport.column.rating": "Avaliação",
  "textExport.column.text": "Texto",
  "textExport.column.sentiment": "Sentimento",
  "textExport.column.sentiment_score": "Pontuação de sentimento",
  "textExport.column.emotions": "Emoções inferidas",
  "textExport.column.topics": "Temas",
  "textExport.column.key_phrases": "Frases-chave",
  "textExport.column.url": "URL",
};
