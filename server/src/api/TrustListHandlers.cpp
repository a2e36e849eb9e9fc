#include "api/TrustListHandlers.h"

#include "http/Exchange.h"
#include "services/TrustListService.h"

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void TrustListHandlers::document(Exchange& exchange)
{
    exchange.sendText(Status::HTTP_OK, "application/json", m_trustList.document());
}

void TrustListHandlers::anchor(Exchange& exchange)
{
    exchange.sendText(Status::HTTP_OK, "application/x-pem-file", m_trustList.anchorPem());
}

} // namespace citycode::server
