// Spanish word lists, hand-written for Momentos (Spain and Latin America). Not derived from any data set.
// Valence −3…+3; `*` = prefix; `_` joins a phrase. Accents are optional: terms are accent-folded.

import type { LexiconSource } from "./lexicon.js";

export const lexiconEs: LexiconSource = {
  negators: `no nunca jamas ni tampoco sin nadie ningun ninguno ninguna nada nisiquiera
    ni_siquiera para_nada en_absoluto de_ninguna_manera de_ningun_modo casi_nunca`,
  contrast: `pero sin_embargo no_obstante aun_asi con_todo sino mas_bien lo_malo_es lo_unico_malo lo_unico`,
  concessive: `aunque a_pesar_de pese_a si_bien`,
  intensifiers: `muy mucho mucha muchos muchas muchisimo muchisima super súper re requete bastante demasiado demasiada
    tan tanto tanta tremendo tremenda tremendamente totalmente completamente absolutamente realmente
    verdaderamente sumamente increiblemente extremadamente altamente especialmente enormemente
    sper recontra bien_bien de_verdad la_verdad mega ultra hiper archi siempre mas`,
  diminishers: `algo poco un_poco un_poquito algo_de ligeramente levemente medio relativamente casi un_tanto
    mas_o_menos regularmente bastante_poco apenas`,
  expectations: `llego llegaron llega llegan llegado llegar funciona funcionan funciono funcionaba funcionar
    respondio respondieron responde responden responder contesta contestan contesto contestaron contestar
    atendieron atiende atienden atendio atender resolvieron resolvio resuelven resolver soluciono solucionaron
    solucionan solucionar arreglaron arreglo arreglan arreglar devolvieron devolvio devuelven devolver
    reembolsaron reembolsar ayudaron ayudo ayudan ayudar sirve sirvio servia cumplieron cumple cumplio cumplen
    cumplir recibi recibimos recibido recibir llamaron llamo funciono aparece aparecio entregaron entrego
    entregar avisaron avisar informaron informar`,
  sentiment: `
    3: excelente* exelente* exclente* maravill* perfect* espectacular* increibl* fantastic* estupend* magnific*
       genial* inmejorabl* impecabl* excepcional* insuperabl* esplendid* fabulos* sensacional* extraordinari*
       buenisim* riquisim* lindisim* bellisim* hermosisim* divin* preciosisim* encanta encantó encanto encantaron
       encantad* fascin* lo_mejor de_lujo de_diez del_diez de_10 de_primera 10_de_10 cinco_estrellas 5_estrellas
       super_recomendable altamente_recomendable totalmente_recomendable 100%_recomendable amo adoro
       chingon chingona de_puta_madre de_pm brutal bestial pasada una_pasada la_hostia top
    2: buen* bonit* hermos* precios* lind* bell* agradabl* comod* limpi* amabl* atent* recomendabl* recomiendo
       recomendamos recomendaria recomiendan recomendado recomendada recomendable recomendables
       delicios* sabros* rico rica ricos ricas exquisit* acogedor* amplio amplia amplios amplias espacios*
       ideal* encantador* gusto gusta gustan gustaron gustó disfrut* feliz* content* satisfech* agradecid*
       agradec* felicit* gracias profesional* eficien* eficaz* rapid* rapidez puntual* atencion_excelente
       tranquil* relajant* relajad* calid* calidez cordial* servicial* dispuest* resolutiv*
       confiable* fiable* volveremos volveria volveré volvere regresaremos regresaria repetiremos repetiria
       volver_a_ir vale_la_pena merece_la_pena valio_la_pena chido chida chidos chidas padrisim* chevere*
       bacan* bacano bacana regio regia copad* barbar* macanud* guay guays chul* maj* bkn piola buenaz*
       mejor mejores favorit* bien genio genia crack cracks acertad* util* practic* facil* sencill*
       intuitiv* ordenad* fresco fresca frescos frescas abundant* variad* puntualidad amabilidad limpieza_impecable
       atenta_y confortabl* suficiente_y justo_a_tiempo a_tiempo en_tiempo_y_forma
       privilegiad* romantic* paradisiac* inolvidabl* memorabl* encantos* agil* ágil* calidad_precio
    1: correct* adecuad* decent* aceptabl* cumplid* bueno_bonito_y_barato barat* economic* accesibl* ok okey vale
       normal_y funcional* sencillo bonito suficiente* comodos ricos entretenid* interesant* bonitas
       mejoro mejoraron mejorado mejora nuev* moderno moderna modernos modernas renovad*
    -1: regular regulares normalito mejorabl* podria_mejorar podrian_mejorar puede_mejorar deberian debería deberia
       falta faltaba faltan faltaron faltó carec* escas* insuficient* pequen* reducid* estrech* viejo vieja
       viejos viejas antigu* anticuad* gastad* desgastad* frio fria frios frias tibi* ruido* ruidos* calor
       humed* caro cara caros caras costos* elevad* lent* llego_tarde llegaron_tarde llega_tarde muy_tarde demasiado_tarde tardaron tardo tarda tardan tardanz* demor* retras*
       esperar esperamos esperando espere cola colas fila filas problema problemas inconvenient* queja quejas
       reclam* error errores equivoc* confus* complicad* dificil* dificultad* pesad* molest* incomod* extrañ*
       sobrevalorad* caro_para nada_del_otro_mundo ni_fu_ni_fa mas_o_menos pasabl* medio_medio simple basic*
       sin_mas no_es_gran_cosa lo_justo justito limitad* desorganiz* desorden* saturad* llen* abarrotad* overbooking
       cobraron cobran cobro_extra no_incluid* aparte_se_cobra olvidaron olvido
    -2: mal mala malo malos malas pobre pobres mediocr* deficient* descuid* deteriorad* abandonad* roto rota rotos
       rotas romp* averiad* estropead* descompuest* danad* dañad* defectuos* falla fallas fallo fallos fallaron
       sucio sucia sucios sucias suciedad mugr* manch* polvo moho cucarach* chinche* hormiga* mosquito* insecto*
       ratas raton olor olores apest* hedor maloliente* grosero* grosera* maleducad* mal_educad* antipatic*
       prepotent* despot* desagradabl* desatent* indiferente* desinteres* incompetent* inutil* ineficient*
       decepcion* decepcionante* defraud* lament* lastima lastimosamente desafortunad* lamentablemente
       triste* tristeza pena desilusion* frustr* enoj* enfad* molest* indign* harto harta hartos abus* injust*
       mentira* mentiros* engan* estafa* estafad* timo timad* robo robar robaron fraude* trampa*
       inaceptable* intolerable* inadmisible* irrespetuos* falta_de_respeto no_funciona peor peores
       sin_respuesta nadie_responde nadie_contesta ignoraron ignoran cancelaron cancelad* perdieron perdido perdida
       extravi* equivocado equivocada incorrect* chafa trucho trucha cutre* cutres mala_onda mala_atencion
       nefast* mediocridad carisim* carísimo abusiv* desesper* quemad* crudo cruda insipid* salad* grasos*
       duro dura incumpl* negligen* tardísimo tardisimo demasiado_caro
    -3: pesim* horribl* terribl* fatal* desastr* asco asquer* repugnant* nauseabund* horrend* espantos* deplorabl*
       vergonzos* verguenza una_verguenza vergüenza porqueria* basura mierda una_mierda cagada* pesadilla* infierno
       el_peor la_peor lo_peor los_peores nunca_mas jamas_volvere no_vuelvo no_volvere no_volveremos
       no_lo_recomiendo no_recomiendo no_recomendable para_nada_recomendable odio odi* detest* malisim* pesimo
       de_terror catastrof* deja_mucho_que_desear dejo_mucho_que_desear dejan_mucho_que_desear tirar_el_dinero
       tire_mi_dinero perdida_de_tiempo perdida_de_dinero timadores ladron* rateros sinverguenza* chorr*
  `,
  emotions: `
    joy: feliz* felicidad alegr* content* encant* disfrut* divert* diversion gozar goce risa jaja jeje
       genial* maravill* fantastic* me_gusta me_encanta celebr* fiesta* festej* bonito hermos* bendicion* buenisim*
       ganamos ganar victoria* campeon* gol golazo orgullos* orgullo satisfech* plenitud
    calm: tranquil* relaj* paz calma calmad* seren* comodo comoda comodos comodas confort* descans* sin_estres
       sin_complicaciones sin_problemas sin_prisas facil* agradabl* a_gusto seguro segura seguros seguras
    pleasant_surprise: sorpre* sorprend* asombr* impresion* increibl* wow guau guao inesperad* no_me_lo_esperaba
       superaron_mis_expectativas supero_mis_expectativas supero_expectativas supero_las_expectativas
       mas_de_lo_esperado quede_impresionad* alucin* flipar flipe flipando impactad* boquiabiert* maravillad*
    excitement: ilusion* emocion* emocionad* entusiasm* ansioso_por ganas ilusionad* esperamos_volver
       con_ganas expectativa* deseando emocionant* estreno* vamos animo animad* espectacular* brutal bestial
    affection: amor amo adoro querid* carin* cariño* amabl* amabilidad calidez calid* cercan* familiar* hogar
       como_en_casa atent* gracias agradec* corazon besos abrazo* te_quiero los_quiero lind* precios* tiern*
       servicial* cordial* hospital* acogedor* gentil* detallist* mimad* consentid*
    indifference: normal normalito normalita regular regulares indiferent* ni_fu_ni_fa nada_del_otro_mundo
       nada_especial sin_mas meh da_igual me_da_igual del_monton ordinari* comun_y_corriente pasabl* aburri*
       monoton* sin_pena_ni_gloria
    frustration: frustr* hart* cansad* cansa harta hasta_la_madre hasta_las_narices hasta_el_gorro
       hasta_el_mono otra_vez de_nuevo siempre_lo_mismo imposibl* intent* tardaron tardo demor* retras*
       complicad* dificil* no_funciona no_sirve no_responden nadie_responde nadie_contesta sin_respuesta colas
       fila filas perdida_de_tiempo burocraci* lento lenta lentos lentas desesper* agotad* agobi* estres* estresad*
       bloquead* se_cae caido no_carga error* fallo* falla* uf uff ufff
    anger: enoj* enfad* cabread* cabreo cabrea mosquead* furi* furios* ira irritad* indign* rabia rabios*
       encabron* emputad* arrech* bronca odio odi* maldit* grosero* grosera* maleducad* mal_educad* prepotent*
       despot* falta_de_respeto irrespetuos* inaceptable* inadmisible* intolerable* vergonzos* verguenza
       una_verguenza sinverguenza* ladron* rateros chorros robo robaron estafa* estafad* timo abus* injust* mierda
       carajo joder puta puto putos putas hdp pinche pinches cabron* idiota* imbecil* estupid* estupidez
       incompetent* inutil* basura porqueria* asesin* criminal* culpabl* que_se_vayan dimision dimite
       protest* exijo exigimos denunci* demand* reclam* queja* quejar
    disappointment: decepcion* decepcionad* decepcionante* defraud* desilusion* lastima lament* pena triste* tristeza
       esperaba_mas esperabamos_mas no_es_lo_que no_cumple no_cumplio no_cumplieron no_vale_la_pena
       mediocr* pobre deja_mucho_que_desear dejo_mucho_que_desear para_nada_recomendable me_arrepiento
       arrepenti* desgraci* llor* dolor* doloros* duele luto perdida* fallec* murio muerte* muert* extrano
       extraño echo_de_menos nostalgi* destroz* roto rota desolad* devastad* sad snif
    worry: preocup* miedo* medros* temor* temer* temo asust* susto panico ansiedad ansios* nervios* angusti*
       inquiet* inseguridad insegur* peligro* riesgo* arriesg* amenaz* alarm* incertidumbre duda_de
       no_se_si ojala espero_que tengo_miedo terror* horror* aterr* pavor temblor* alerta emergenci* incendio*
       grave gravedad crisis contagi* virus enferm* hospital_de
    distrust: desconfi* sospech* dudos* dudo mentira* mentiros* engan* enganio engaño* estafa* fraude* trampa*
       timo timad* falso falsa falsos falsas fake trucho trucha publicidad_enganosa letra_pequena
       no_me_fio no_confio no_es_fiable cobro_indebido cargos_no_reconocidos manipul* corrupt* corrupcion
       hipocre* hipocrita* asco asquer* repugn* repulsi* nause* nauseabund* vomit* podrido podrida
  `,
  topics: `
    price: precio* caro cara caros caras barat* costos* coste* costo costar cuesta cuestan tarifa* econom*
       dinero plata lana pasta pagar pague pagamos pago pagado calidad_precio relacion_calidad-precio oferta*
       descuento* promocion* promo promos cupon* rebaj* sobreprecio* sobrevalorad* presupuesto* valor asequibl*
       accesibl* carisim* abusivo* euros dolares pesos soles cara_la
    delivery: repartidor* repartidora* mensajero* mensajera* cartero* entrega* entregar entregaron entrego envio envios enviar enviaron envie enviado enviada repart*
       mensajer* paquet* pedido* llego llegaron llegara llegada llega_tarde domicilio* transport* courier
       seguimiento rastreo tracking correos dhl fedex ups mrw seur estafeta despach* recogid* recoger
       a_domicilio gastos_de_envio mandaron
    staff: personal empleado* trabajador* camarer* mesero* mesera* recepcion* recepcionist* dependient*
       vendedor* vendedora* asesor* agente* gerent* encargad* jefe* senor senora señor señora
       muchach* staff equipo_humano atencion atencion_al_cliente servicio_al_cliente trato atendieron atendio atend* amabilidad cocinero* chef* guia* guias
       botones conserje* limpiador* mucama* camarista* socorrista* animador* anfitri* cajer* operador* tecnico*
       doctor* enfermer* conductor* chofer* taxista* repartidor* repartidora* mensajero* mensajera* cartero* cartera
    product_quality: calidad producto* articulo* material* tela* defect* defectuos* roto rota rotos rotas
       romp* averiad* estropead* descompuest* danad* dañad* duracion durabilidad dura_poco se_rompio funciona
       funcionaba no_funciona fallo falla sabor* comida* plato* platillo* bebida* desayuno* cena* almuerzo*
       buffet* bufet* menu* carta fresc* insipid* crudo cruda frio fria habitacion* cuarto* cama* colchon*
       almohad* ducha* bano* baño* aire_acondicionado instalacion* piscina* alberca* vista* talla* tamano*
       acabado* diseno* bateria* pantalla* calidad_del
    website_app: web pagina_web sitio_web la_pagina app aplicacion* plataforma* online en_linea internet
       login contrasena contraseña* usuario* cuenta_online formulario* carrito checkout navegador* link enlace*
       pantalla_de descarg* actualizacion* wifi wi-fi se_cae caida se_colgo bug* error_en_la
    waiting_time: espera esperas esperar esperamos espere esperando esperé tardanz* tardaron tardo tarda tardan llego_tarde llegaron_tarde
       demor* retras* cola colas fila filas horas_de_espera media_hora una_hora dos_horas tres_horas mas_de_una_hora lento lenta lentos lentas lentitud rapid* rapidez
       inmediat* enseguida al_instante tiempo_de_espera lista_de_espera turno* puntual* puntualidad
    returns: devolucion* devolver devolvi devolvieron devuelto devuelta devuelvan reembols* reintegr*
       cambio_de cambiar_el cambiarlo garantia* reclamacion_de rma reposicion* abono* me_devuelvan
    billing: factura* facturacion cobr* cargo* cargaron tarjeta* recibo* boleta* ticket_de cuenta_bancaria
       transferencia* pago_duplicado doble_cobro cobro_doble impuesto* iva suscripcion* cuota* mensualidad*
       domiciliacion* importe* reintegro saldo* paypal
    packaging: empaque* embalaje* embalad* envoltorio* envolt* caja cajas paquete_llego paquete_danado
       precintad* precinto* bolsa* plastico* carton* sobre_llego aplastad* abollad*
    communication: comunicacion* comunic* informacion* inform* avis* respuesta* respond* contest* llam* telefono*
       correo* email* e-mail mail* mensaje* whatsapp chat* notific* explic* aclar* atencion_al_cliente
       servicio_al_cliente call_center soporte ayuda
    cleanliness: limpi* sucio sucia sucios sucias suciedad mugr* manch* polvo moho cucarach* chinche* higien*
       olor* apest* hedor aseo desinfect* pulcr* impecabl* basura* pelos insecto* hormiga* ratas
  `,
  stopwords: `a al algo algun alguna algunas alguno algunos ante antes aqui asi aun cada como con contra cual cuando
    de del desde donde dos el ella ellas ello ellos en entre era eran es esa esas ese eso esos esta estaba estaban
    estado estamos estan estar estas este esto estos estoy fue fueron fui fuimos ha habia han has hasta hay he
    hemos la las le les lo los me mi mis mucho muy nos nosotros o os otra otro para pero poco por porque que
    quien se ser si sido sin sobre solo son su sus tambien te tenemos tener tengo ti tiene tienen todo todos tu
    tus un una uno unos usted ustedes y ya yo`,
};
