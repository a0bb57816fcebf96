// Spanish texts of voice-of-the-customer imports that the server's codes name (docs/import.md); spread into es.
// Only appended to: the dashboard's own texts live in messages-voice-ui.*.

export const voiceEs = {
  "voice.importError.missing_column": "Al archivo le falta la columna «{detail}». Añádela y vuelve a subirlo.",
  "voice.importError.csv_syntax": "El CSV está mal formado ({detail}). Las filas anteriores se guardaron; corrige esa línea y vuelve a subir el archivo: lo ya guardado se cuenta como duplicado.",
  "voice.importError.file_too_large": "El archivo supera 1 GB. Divídelo en varios.",
  "voice.importError.upload_aborted": "La subida se cortó. Lo leído hasta entonces se guardó; vuelve a subir el archivo y lo ya guardado se contará como duplicado.",
  "voice.importError.store_failed": "No se pudo guardar una parte del archivo. Vuelve a subirlo: lo ya guardado se contará como duplicado.",
  "voice.importError.server_stopped": "El servidor se detuvo durante la importación. Vuelve a subir el archivo: lo ya guardado se contará como duplicado.",
  "voice.importError.import_failed": "La importación no pudo terminar. Vuelve a intentarlo.",
  "voice.modelError.not_enough_data": "Había muy pocas respuestas utilizables (con comentario y la emoción o las puntuaciones del cliente) al entrenar. Espera a tener más y vuelve a intentarlo.",
  "voice.modelError.training_failed": "El entrenamiento no pudo terminar. Vuelve a intentarlo; si se repite, revisa el registro del servidor.",
  "textExport.column.at": "Fecha (UTC)",
  "textExport.column.source": "Origen",
  "textExport.column.touchpoint": "Punto de contacto",
  "textExport.column.language": "Idioma",
  "textExport.column.rating": "Valoración",
  "textExport.column.text": "Texto",
  "textExport.column.sentiment": "Sentimiento",
  "textExport.column.sentiment_score": "Puntuación de sentimiento",
  "textExport.column.emotions": "Emociones inferidas",
  "textExport.column.topics": "Temas",
  "textExport.column.key_phrases": "Frases clave",
  "textExport.column.url": "URL",
} as const;
