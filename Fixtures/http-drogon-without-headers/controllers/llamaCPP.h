// A Drogon controller as nitro writes it, scanned without Drogon: <drogon/HttpController.h> is not in the tree, so
// METHOD_LIST_BEGIN, METHOD_ADD and ADD_METHOD_TO are no macros here and the method list is no code.
#pragma once

#include <drogon/HttpController.h>

#include <functional>
#include <string>

#include "context/llama_server_context.h"

using namespace drogon;

namespace inferences {

class llamaCPP : public drogon::HttpController<llamaCPP> {
 public:
  METHOD_LIST_BEGIN
  // list path definitions here;
  METHOD_ADD(llamaCPP::ChatCompletion, "chat_completion", Post);
  METHOD_ADD(llamaCPP::Embedding, "embedding", Post);
  METHOD_ADD(llamaCPP::ModelStatus, "modelstatus", Get);

  // Openai compatible path
  ADD_METHOD_TO(llamaCPP::ChatCompletion, "/v1/chat/completions", Post);
  // ADD_METHOD_TO(llamaCPP::handlePrelight, "/v1/chat/completions", Options);

  ADD_METHOD_TO(llamaCPP::Embedding, "/v1/embeddings", Post);
  METHOD_LIST_END
  void ChatCompletion(const HttpRequestPtr& req, std::function<void(const HttpResponsePtr&)>&& callback);
  void Embedding(const HttpRequestPtr& req, std::function<void(const HttpResponsePtr&)>&& callback);
  void ModelStatus(const HttpRequestPtr& req, std::function<void(const HttpResponsePtr&)>&& callback);
  void handlePrelight(const HttpRequestPtr& req, std::function<void(const HttpResponsePtr&)>&& callback);

 private:
  llama_server_context llama;
  void WarmupModel();
};

}  // namespace inferences
