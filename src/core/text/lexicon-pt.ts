// Portuguese word lists (Brazil and Portugal), hand-written for Momentos. Not derived from any data set.
// Valence −3…+3; `*` = prefix; `_` joins a phrase. Accents are optional: terms are accent-folded.

import type { LexiconSource } from "./lexicon.js";

export const lexiconPt: LexiconSource = {
  negators: `nao não nunca jamais nem sem nada nenhum nenhuma ninguem ninguém tampouco nem_sequer de_jeito_nenhum
    de_forma_alguma de_modo_algum em_nada`,
  contrast: `mas porem porém contudo entretanto todavia no_entanto so_que só_que mesmo_assim ainda_assim`,
  concessive: `embora apesar apesar_de mesmo_que ainda_que se_bem_que`,
  intensifiers: `muito muita muitos muitas muitissimo super bem bastante demais tao tão tanto tanta totalmente
    completamente absolutamente realmente extremamente incrivelmente altamente mega ultra mo mó mto mt mtu
    pra_caramba pra_caralho pra_cacete demasiado deveras sumamente mais`,
  diminishers: `pouco um_pouco meio meia ligeiramente levemente relativamente quase razoavelmente um_tanto
    mais_ou_menos apenas algo`,
  expectations: `chegou chegaram chega chegam chegar funciona funcionam funcionou funcionar responde respondem
    respondeu responderam responder atende atendem atendeu atenderam atender resolve resolvem resolveu
    resolveram resolver devolve devolvem devolveu devolveram devolver reembols* ajuda ajudou ajudaram ajudar
    entregou entregaram entregar recebi recebemos receber ligaram ligou cumpre cumpriu cumpriram cumprir`,
  sentiment: `
    3: excelente* maravilh* perfeit* espetacular* incrivel* incríveis fantastic* sensacional* otimo otima
       otimos otimas ótimo ótima excepcional* impecav* extraordinari* magnific* fenomenal* sublime* divin*
       lindissim* maravilhos* amei amo adoro adorei apaixonad* o_melhor a_melhor os_melhores nota_10 nota_dez
       dez_de_dez cinco_estrelas 5_estrelas top_demais arrasou arrasa arrasando mandou_bem show_de_bola
       recomendo_muito super_recomendo surreal foda fodastico fodástico
    2: bom boa bons boas lind* bonit* bel* agradav* confortav* limp* gentil* educad* atencios* prestativ*
       simpatic* recomendo recomendamos recomendaria recomendavel recomendado recomendada delicios* gostos*
       saboros* gostei gosto gostamos gostaram adorei adoramos curti curtimos feliz* content* satisfeit*
       agradecid* agradec* obrigad* valeu parabens parabéns profission* eficien* rapid* rapidez pontual*
       tranquil* relaxant* seguro segura confiav* voltaria voltarei voltaremos vale_a_pena valeu_a_pena
       legal legais bacana* show top massa irado irada fofo fofa fofos fofas fofura querid* rainha rei
       gracinha demais_da_conta bem melhor melhores favorit* arrasa util* pratic* facil* simples_e
       acolhedor* espacos* ampl* variad* fresc* caprichad* bem_feito bem_atendido bem_atendida amor kkk kkkk
       jaja uhul eba oba aplaus* sucesso vitoria campeao campeã campea venceu ganhou
    1: ok okay razoav* decente* aceitav* correto correta adequad* barat* economic* acessiv* normal_e
       interessant* novo nova novos novas modern* renovad* melhorou melhoraram tomara espero torcendo
    -1: regular mediano mediana mais_ou_menos normalzinho poderia_melhorar pode_melhorar precisa_melhorar
       deveria deveriam falta faltou faltava faltam pequen* apertad* velh* antig* desgastad* frio fria frios
       frias ruido* barulh* calor umid* caro cara caros caras carissim* salgad* lent* demor* atras* esperando esperei esperamos
       fila filas problema* reclam* erro erros errad* confus* complicad* dificil* dificuldade* chat* chatice
       incomod* estranh* cansad* cansativ* cancel* perdi perdeu perdid* aff afff affs pqp putz poxa
       triste* saudade* sozinh* medo fraco fraca fracos fracas sem_graca sem_gosto
    -2: ruim ruins mal mau ma má pobre mediocre* deficient* descuid* abandonad* quebrad* estragad* danificad*
       defeito* defeituos* sujo suja sujos sujas sujeira imund* manch* mofo formiga* mosquito*
       inseto* rato ratos fedor fedid* fede cheiro_ruim mal_cheiro grosso grossa grosseir* mal_educad*
       antipatic* arrogant* desagradav* incompetent* inutil* inútil decepcion* decepção decepcao frustr*
       raiva irritad* chateado chateada revoltad* indignad* absurd* ridicul* vergonha injust* abus* mentira*
       mentiros* engan* golpe* fraude* roubo roubaram ladr* inaceitav* pior piores desrespeit* falta_de_respeito
       nao_funciona sem_resposta ninguem_responde ignor* odeio odiei odio ódio detest* chato chata chatos
       chatas insuportav* palhacada palhaçada burr* idiota* nojo nojent* horroros* cafona brega fake
       lixo_de desastr* triste tristeza chorar chorando choro lament* infeliz*
    -3: pessim* péssimo horrivel horríveis horrível terrivel terrível terriveis lixo porcaria* merda bosta droga
       nojent* vergonhos* asqueros* repugnant* o_pior a_pior nunca_mais nao_recomendo não_recomendo
       nao_voltaria não_voltaria nao_volto jamais_volto desastre catastrof* pesadelo inferno uma_vergonha
       deixa_muito_a_desejar deixou_muito_a_desejar perda_de_tempo perda_de_dinheiro jogar_dinheiro_fora
  `,
  emotions: `
    joy: feliz* felicidade alegr* content* diver* curti* adorei amei kkk kkkk jaja haha rs rsrs uhul eba oba
       comemor* celebr* festa* sorri* rindo risada* gargalh* maravilh* ganhou venceu vitoria campeao campea
       orgulho* satisfeit* animad*
    calm: tranquil* relax* paz calm* seren* confortav* conforto descans* sossego sossegad* seguro segura
       facil* pratic* sem_estresse sem_problema* sem_complicacao
    pleasant_surprise: surpre* surpreend* impression* incrivel uau uou nossa caramba inesperad* nao_esperava
       superou_as_expectativas superou_minhas_expectativas alem_do_esperado chocad* boquiabert*
    excitement: empolg* ansiosa_pra ansioso_pra animadissim* entusiasm* expectativa* mal_posso_esperar
       nao_vejo_a_hora torcendo torcida vamos bora partiu hype emocion*
    affection: amor amo adoro querid* carinh* fofo fofa fofos fofas fofura lind* gentil* atencios* acolhedor*
       obrigad* agradec* coracao coração abraco* beijo* beijos saudade* amig* gracinha rainha rei
    indifference: normal normalzinho mediano mediana regular tanto_faz sei_la sei_lá nada_demais nada_de_mais
       sem_graca entediad* tedio tédio chato_mas qualquer_coisa indiferen* meh
    frustration: frustr* cansad* cansei cansativ* saco de_novo outra_vez sempre_a_mesma impossivel
       demor* atras* fila filas esperando nao_funciona sem_resposta ninguem_responde ninguem_atende
       perda_de_tempo aff afff affs putz poxa pqp desist* travou trava bug* erro* nao_carrega
    anger: raiva irritad* odeio odiei odio ódio revolt* indign* furios* puto puta putos pqp merda porra caralho
       bosta droga idiota* imbecil* burr* otario* otária otária* vagabund* safad* ladr* roubo roubaram golpe*
       absurd* ridicul* palhacada palhaçada vergonha inaceitav* desrespeit* falta_de_respeito grosseir* grosso
       grossa mal_educad* arrogant* insuportav* nojent*
    disappointment: decepcion* decepção decepcao decepcoes desapont* frustrante lament* pena triste* tristeza
       infeliz* chorar chorando choro choram lagrima* saudade* esperava_mais nao_vale_a_pena deixa_muito_a_desejar
       deixou_muito_a_desejar arrepend* que_pena sad luto morreu morte* perda* despedid* eliminad*
    worry: preocup* medo* receio* assust* susto panico ansiedade ansios* nervos* angusti* insegur* perigo*
       risco* arrisc* ameaç* alarm* incerteza duvida tomara_que espero_que tenso tensa tensao tensão
       terror* horror* apavorad* crise
    distrust: desconfi* suspeit* duvidos* mentira* mentiros* engan* golpe* fraude* falso falsa falsos falsas
       fake propaganda_enganosa nao_confio sem_confianca corrupt* corrupcao hipocri* hipocrita* nojo nojent*
       asco asquer* repugn* vomit* podre
  `,
  topics: `
    price: preco* preço* caro cara caros caras barat* custo* custa custou valor* dinheiro grana pagar paguei
       pago pagamento_de promoc* promoç* desconto* oferta* cupom cupons orcamento* reais real_e r$ euros
       custo-beneficio custo_beneficio carissim* salgad*
    delivery: entregador* entregadora* carteiro* entreg* envio* enviar enviaram enviou frete* correio* correios transportador* rastre*
       encomenda* pedido* chegou chegaram chegada chega_rapido motoboy motoqueiro delivery ifood sedex
       despach* retirada retirar coleta
    staff: funcionari* atendent* vendedor* vendedora* garcom garçom garcons garçons garconete* recepcion*
       gerente* equipe pessoal_do moço moca moça rapaz* senhor senhora caixa_do tecnico* técnico* motorista* entregador* entregadora* carteiro* motoboy
       atendimento atender atendeu atenderam atend* educad* simpatic* grosseir* chef cozinheir* medico*
       enfermeir* guia
    product_quality: qualidade produto* item itens material* tecido* defeito* defeituos* quebr* estrag*
       danific* durabilidade dura_pouco funciona funcionou parou_de_funcionar comida* prato* sabor* gosto
       bebida* cafe_da_manha café_da_manhã jantar almoco* almoço* lanche* quarto* cama* colchao colchão
       travesseiro* chuveiro* banheiro* piscina vista* tamanho* acabamento* bateria* tela
    website_app: site* app aplicativo* plataforma* online internet login senha* cadastro* conta_no
       formulario* carrinho checkout link* navegador* pagina página wifi wi-fi bug* travou trava caiu
    waiting_time: espera esperar esperei esperamos esperando demor* atras* fila filas lent* lentidao rapid*
       rapidez pontual* horas_de_espera meia_hora uma_hora duas_horas prazo* no_prazo fora_do_prazo
    returns: devoluc* devoluç* devolver devolvi devolveram reembols* estorno* estorn* troca trocar troquei
       garantia* dinheiro_de_volta
    billing: fatura* faturamento cobr* cartao* cartão boleto* nota_fiscal recibo* pagamento* assinatura*
       mensalidade* taxa* imposto* cobranca_indevida cobrança_indevida debito* débito* pix
    packaging: embalag* caixa caixas pacote_chegou lacre* lacrad* plastico* plástico* papelao papelão
       amassad* violad*
    communication: comunica* informa* aviso* avis* resposta* respond* contato* ligac* ligaç* ligar ligaram
       telefone* email* e-mail mensage* whatsapp zap chat* notific* explic* sac suporte atendimento_ao_cliente
       central_de_atendimento
    cleanliness: limp* sujo suja sujos sujas sujeira imund* manch* mofo higien* cheiro* fedor fedid* poeira
       baratas inseto* formiga* lixo organizad*
  `,
  stopwords: `a ao aos aquela aquele aquilo as ate com como da das de dela dele deles depois do dos e ela elas ele
    eles em entre era eram essa esse esta estava estao eu foi for foram ha isso isto ja lhe mais mas me mesmo
    meu minha muito na nas nem no nos nossa nosso num numa o os ou para pela pelas pelo pelos por qual quando
    que quem se sem ser seu seus sua suas so tambem te tem tinha to tu tua um uma voce voces vc pra pro ne ta`,
};
