// Template: an online purchase, from the ad to the return and the next purchase.
import type { JourneyTemplate } from "./types.js";

export const ecommercePurchase: JourneyTemplate = {
  key: "ecommerce_purchase",
  industry: { es: "Comercio electrónico", en: "E-commerce", pt: "E-commerce" },
  text: {
    es: {
      name: "Compra online",
      description: "Lo que vive un cliente desde que descubre un producto en la tienda online hasta que lo recibe, lo usa y, si hace falta, lo devuelve.",
      scope: "Empieza cuando el cliente ve el producto por primera vez y termina con su siguiente compra. Fuera de alcance: ventas en tiendas físicas y mayoristas.",
      persona: { name: "Lucía, compradora habitual online", description: "34 años, compra desde el móvil en sus ratos libres. Quiere saber exactamente cuándo llega su pedido y poder devolverlo sin complicaciones." },
    },
    en: {
      name: "Online purchase",
      description: "What a customer goes through from discovering a product in the online shop to receiving it, using it and, if needed, sending it back.",
      scope: "Starts when the customer first sees the product and ends with their next purchase. Out of scope: sales in physical stores and wholesale.",
      persona: { name: "Lucy, regular online shopper", description: "34, shops on her phone in spare moments. Wants to know exactly when her order will arrive and to return it without hassle." },
    },
    pt: {
      name: "Compra on-line",
      description: "O que o cliente vive desde que descobre um produto na loja on-line até recebê-lo, usá-lo e, se precisar, devolvê-lo.",
      scope: "Começa quando o cliente vê o produto pela primeira vez e termina na compra seguinte. Fora do escopo: vendas em lojas físicas e no atacado.",
      persona: { name: "Luíza, compradora frequente on-line", description: "34 anos, compra pelo celular nos momentos livres. Quer saber exatamente quando o pedido chega e poder devolver sem complicação." },
    },
  },
  stages: [
    {
      text: {
        es: { name: "Descubrimiento", description: "El cliente descubre el producto y lo compara con otras opciones." },
        en: { name: "Discovery", description: "The customer finds the product and compares it with other options." },
        pt: { name: "Descoberta", description: "O cliente descobre o produto e o compara com outras opções." },
      },
      touchpoints: [
        {
          channel: "social",
          modules: ["sense", "feel"],
          text: {
            es: { name: "Anuncio en redes sociales", need: "Descubrir productos que de verdad me interesan", expectation: "Un anuncio relevante, que no me persiga, con el precio a la vista" },
            en: { name: "Social media ad", need: "Discover products I actually care about", expectation: "A relevant ad that doesn't follow me around, with the price in sight" },
            pt: { name: "Anúncio nas redes sociais", need: "Descobrir produtos que realmente me interessam", expectation: "Um anúncio relevante, que não fique me perseguindo, com o preço à vista" },
          },
        },
        {
          channel: "web",
          modules: ["think"],
          text: {
            es: { name: "Página de producto", need: "Decidir con información fiable", expectation: "Fotos reales, tallas, disponibilidad y plazo de entrega claros antes de pagar" },
            en: { name: "Product page", need: "Decide with reliable information", expectation: "Real photos, sizes, stock and delivery time made clear before I pay" },
            pt: { name: "Página do produto", need: "Decidir com informações confiáveis", expectation: "Fotos reais, tamanhos, estoque e prazo de entrega claros antes de pagar" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Compra", description: "El cliente llena el carrito, paga y recibe la confirmación." },
        en: { name: "Purchase", description: "The customer fills the basket, pays and gets the confirmation." },
        pt: { name: "Compra", description: "O cliente enche o carrinho, paga e recebe a confirmação." },
      },
      touchpoints: [
        {
          channel: "web",
          modules: ["act", "think"],
          momentOfTruth: true,
          targets: { csat: 85, ces: 6 },
          text: {
            es: { name: "Carrito y pago", need: "Pagar rápido y con seguridad", expectation: "Pocos pasos, mis medios de pago habituales y ningún coste sorpresa al final", reason: "Si el pago falla o aparecen gastos inesperados, el cliente abandona el carrito y a menudo no vuelve." },
            en: { name: "Basket and checkout", need: "Pay quickly and safely", expectation: "Few steps, my usual payment methods and no surprise costs at the end", reason: "If payment fails or unexpected charges appear, the customer abandons the basket and often never comes back." },
            pt: { name: "Carrinho e pagamento", need: "Pagar de forma rápida e segura", expectation: "Poucos passos, meus meios de pagamento de sempre e nenhum custo surpresa no final", reason: "Se o pagamento falha ou aparecem custos inesperados, o cliente abandona o carrinho e muitas vezes não volta." },
          },
        },
        {
          channel: "email",
          modules: ["think"],
          text: {
            es: { name: "Correo de confirmación del pedido", need: "Tener la certeza de que el pedido se hizo bien", expectation: "Un correo al momento con el resumen, el importe y la fecha estimada de entrega" },
            en: { name: "Order confirmation e-mail", need: "Be sure the order went through", expectation: "An instant e-mail with the summary, the amount and the expected delivery date" },
            pt: { name: "E-mail de confirmação do pedido", need: "Ter certeza de que o pedido foi feito", expectation: "Um e-mail na hora com o resumo, o valor e a data prevista de entrega" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Envío y entrega", description: "El pedido sale del almacén y llega a manos del cliente." },
        en: { name: "Shipping and delivery", description: "The order leaves the warehouse and reaches the customer." },
        pt: { name: "Envio e entrega", description: "O pedido sai do estoque e chega às mãos do cliente." },
      },
      touchpoints: [
        {
          channel: "email",
          modules: ["think"],
          text: {
            es: { name: "Aviso de envío y seguimiento", need: "Saber cuándo llega mi pedido", expectation: "Un enlace de seguimiento que funcione y un aviso si hay retraso" },
            en: { name: "Shipping notice and tracking", need: "Know when my order will arrive", expectation: "A tracking link that works and a heads-up if there is a delay" },
            pt: { name: "Aviso de envio e rastreamento", need: "Saber quando meu pedido chega", expectation: "Um link de rastreamento que funcione e um aviso se houver atraso" },
          },
        },
        {
          channel: "delivery",
          modules: ["act", "relate"],
          momentOfTruth: true,
          targets: { csat: 90 },
          text: {
            es: { name: "Entrega a domicilio", need: "Recibir el pedido sin pasarme el día esperando", expectation: "Que llegue en la franja prometida, en buen estado y con un repartidor amable", reason: "Es el primer contacto físico con la marca: un retraso o un paquete dañado borra la buena impresión de la compra." },
            en: { name: "Home delivery", need: "Get my order without waiting in all day", expectation: "Arrives in the promised time slot, in good condition, with a friendly courier", reason: "It is the first physical contact with the brand: a delay or a damaged parcel wipes out the good impression of the purchase." },
            pt: { name: "Entrega em domicílio", need: "Receber o pedido sem passar o dia esperando", expectation: "Que chegue no horário prometido, em bom estado e com um entregador simpático", reason: "É o primeiro contato físico com a marca: um atraso ou um pacote danificado apaga a boa impressão da compra." },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Primer uso", description: "El cliente abre el paquete, revisa la factura y empieza a usar el producto." },
        en: { name: "First use", description: "The customer opens the parcel, checks the invoice and starts using the product." },
        pt: { name: "Primeiro uso", description: "O cliente abre o pacote, confere a nota fiscal e começa a usar o produto." },
      },
      touchpoints: [
        {
          channel: "packaging",
          modules: ["sense", "feel"],
          momentOfTruth: true,
          targets: { csat: 85 },
          text: {
            es: { name: "Apertura del paquete", need: "Comprobar que todo está bien y que es lo que pedí", expectation: "Un embalaje cuidado, fácil de abrir, sin exceso de plástico y con todo lo pedido", reason: "Es cuando el cliente comprueba si lo que llega es lo que compró: despierta ilusión o decepción." },
            en: { name: "Opening the parcel", need: "Check that everything is fine and it's what I ordered", expectation: "Careful packaging, easy to open, without excess plastic and with everything I ordered", reason: "It is when the customer finds out whether what arrived is what they bought: it sparks excitement or disappointment." },
            pt: { name: "Abertura do pacote", need: "Conferir que está tudo certo e que é o que eu pedi", expectation: "Uma embalagem caprichada, fácil de abrir, sem plástico em excesso e com tudo o que pedi", reason: "É quando o cliente confere se o que chegou é o que comprou: gera entusiasmo ou decepção." },
          },
        },
        {
          channel: "invoice",
          modules: ["think"],
          text: {
            es: { name: "Factura", need: "Tener el comprobante para la garantía o para mi empresa", expectation: "Una factura correcta, con mis datos, en el paquete o en mi cuenta" },
            en: { name: "Invoice", need: "Have proof of purchase for the warranty or my company", expectation: "A correct invoice with my details, in the parcel or in my account" },
            pt: { name: "Nota fiscal", need: "Ter o comprovante para a garantia ou para minha empresa", expectation: "Uma nota fiscal correta, com meus dados, no pacote ou na minha conta" },
          },
        },
        {
          channel: "other",
          modules: ["feel", "act"],
          text: {
            es: { name: "Uso del producto", need: "Que el producto cumpla lo que prometía", expectation: "La misma calidad que en las fotos y la descripción, o mejor" },
            en: { name: "Using the product", need: "The product delivers what it promised", expectation: "The same quality as in the photos and the description, or better" },
            pt: { name: "Uso do produto", need: "Que o produto cumpra o que prometia", expectation: "A mesma qualidade das fotos e da descrição, ou melhor" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Ayuda y devoluciones", description: "Algo no salió bien: el cliente pide ayuda o devuelve el producto." },
        en: { name: "Help and returns", description: "Something went wrong: the customer asks for help or returns the product." },
        pt: { name: "Ajuda e devoluções", description: "Algo deu errado: o cliente pede ajuda ou devolve o produto." },
      },
      touchpoints: [
        {
          channel: "phone",
          modules: ["relate", "feel"],
          momentOfTruth: true,
          targets: { csat: 80, ces: 5.5 },
          text: {
            es: { name: "Llamada a atención al cliente", need: "Resolver un problema con mi pedido", expectation: "Que me atiendan en pocos minutos, sin repetir mi caso, y que lo resuelvan en la primera llamada", reason: "Quien llama ya tiene un problema: cómo se le atiende decide si vuelve a comprar." },
            en: { name: "Customer service call", need: "Fix a problem with my order", expectation: "Answered within minutes, without repeating my case, and solved on the first call", reason: "Whoever calls already has a problem: how they are treated decides whether they buy again." },
            pt: { name: "Ligação para o atendimento", need: "Resolver um problema com meu pedido", expectation: "Ser atendido em poucos minutos, sem repetir meu caso, e resolver na primeira ligação", reason: "Quem liga já tem um problema: a forma como é atendido decide se volta a comprar." },
          },
        },
        {
          channel: "web",
          modules: ["act"],
          momentOfTruth: true,
          targets: { ces: 6 },
          text: {
            es: { name: "Solicitud de devolución", need: "Devolver lo que no me sirve sin complicaciones", expectation: "Devolución gratuita, etiqueta por correo y recogida o punto de entrega cercano", reason: "Una devolución fácil da confianza para volver a comprar; una difícil convierte al cliente en detractor." },
            en: { name: "Return request", need: "Send back what doesn't work for me without hassle", expectation: "Free returns, a label by e-mail and a pickup or a drop-off point nearby", reason: "An easy return builds the confidence to buy again; a hard one turns the customer into a detractor." },
            pt: { name: "Solicitação de devolução", need: "Devolver o que não me serve sem complicação", expectation: "Devolução grátis, etiqueta por e-mail e coleta ou ponto de entrega perto de casa", reason: "Uma devolução fácil dá confiança para comprar de novo; uma difícil transforma o cliente em detrator." },
          },
        },
        {
          channel: "email",
          modules: ["think"],
          text: {
            es: { name: "Aviso de reembolso", need: "Recuperar mi dinero", expectation: "Un aviso cuando se procese y el dinero en mi cuenta en el plazo prometido" },
            en: { name: "Refund notice", need: "Get my money back", expectation: "A notice when it's processed and the money in my account within the promised time" },
            pt: { name: "Aviso de reembolso", need: "Receber meu dinheiro de volta", expectation: "Um aviso quando for processado e o dinheiro na minha conta no prazo prometido" },
          },
        },
      ],
    },
    {
      text: {
        es: { name: "Nueva compra", description: "La marca mantiene la relación y el cliente decide si vuelve." },
        en: { name: "Next purchase", description: "The brand keeps in touch and the customer decides whether to come back." },
        pt: { name: "Nova compra", description: "A marca mantém o relacionamento e o cliente decide se volta." },
      },
      touchpoints: [
        {
          channel: "email",
          modules: ["relate"],
          targets: { nps: 40 },
          text: {
            es: { name: "Correo de recomendaciones", need: "Enterarme de ofertas que me sirvan", expectation: "Pocos correos, relevantes para mí y fáciles de dar de baja" },
            en: { name: "Recommendations e-mail", need: "Hear about offers that are useful to me", expectation: "Few e-mails, relevant to me and easy to unsubscribe from" },
            pt: { name: "E-mail de recomendações", need: "Saber de ofertas que me sirvam", expectation: "Poucos e-mails, relevantes para mim e fáceis de cancelar" },
          },
        },
      ],
    },
  ],
};
