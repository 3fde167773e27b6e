import SinkmapCore

/// The built-in catalog of LLM/ML sinks: calls a threat modeler wants to see reached from an entry point.
///
/// Each rule names the functions of one family (`family/what`), a category, and one line on why the call
/// matters. Names are exact qualified names as the library declares them:
/// - C functions plain (`llama_decode`);
/// - C++ functions and methods fully qualified (`torch::jit::Module::forward`), constructors as
///   `Class::Class` (`Ort::Session::Session`), members of class templates without template arguments
///   (`Ort::detail::SessionImpl::Run`);
/// - function-pointer fields of API tables as `Struct::Field` (`OrtApi::Run`, called as `g_ort->Run(...)`).
///
/// The matcher is expected to see through inline namespaces, aliases, using-declarations and base classes
/// (see `libclang.md`). Where a library's resolved names are known to differ from the declared ones
/// (OpenCV's `dnn4_vYYYYMMDD` inline namespace, TensorRT's unnamed namespace), an anchored pattern covers
/// the resolved spelling as well.
///
/// Patterns are regular expressions over qualified names; every one is anchored with `^` and is scoped
/// to a library's own namespace or struct, so it never matches a user's own `Run()` or `RunAsync()`.
///
/// Deliberately absent: sources of untrusted input (`main`, `getenv`, `common_params_parse`, httplib
/// handlers, …), generic HTTP calls (`curl_easy_perform`, `httplib::Client::Post`), and library
/// functions whose bare global names user code commonly defines (stable-diffusion.cpp's `convert`
/// and `upscale`).
///
/// Rules are grouped by family, in the order of the sink notes.
/// Invariant: every `id` is unique. Check when adding a rule (e.g. `grep -o 'id: "[^"]*"' | sort | uniq -d`
/// on this file prints nothing).
public enum BuiltinSinkCatalog {
    public static let rules: [SinkRule] = [

        // MARK: - llama.cpp (include/llama.h, C)

        SinkRule(id: "llama.cpp/model-load", category: .modelLoad,
                 reason: "Loads a GGUF model: an untrusted file (or split list, FILE*, GGUF metadata) reaches a complex binary parser",
                 names: ["llama_model_load_from_file", "llama_load_model_from_file", "llama_model_load_from_splits",
                         "llama_model_load_from_file_ptr", "llama_model_init_from_user",
                         // Older and forked API (2023: a context straight from a path).
                         "llama_init_from_file"]),
        SinkRule(id: "llama.cpp/context-init", category: .modelLoad,
                 reason: "Creates an inference context from a model: caller-supplied parameters size the KV cache and pick backends",
                 names: ["llama_init_from_model", "llama_new_context_with_model"]),
        SinkRule(id: "llama.cpp/lora-load", category: .modelLoad,
                 reason: "Loads a LoRA adapter from a path: an untrusted GGUF file is parsed and changes model behaviour",
                 names: ["llama_adapter_lora_init",
                         // Older API (2023–2024).
                         "llama_lora_adapter_init", "llama_model_apply_lora_from_file", "llama_apply_lora_from_file"]),
        SinkRule(id: "llama.cpp/state-load", category: .modelLoad,
                 reason: "Restores a saved session/sequence state from a file or buffer: attacker-supplied state is parsed into the context",
                 names: ["llama_state_load_file", "llama_state_seq_load_file", "llama_load_session_file",
                         "llama_state_set_data", "llama_set_state_data", "llama_state_seq_set_data",
                         "llama_state_seq_set_data_ext"]),
        SinkRule(id: "llama.cpp/quantize", category: .modelLoad,
                 reason: "Reads one model file and writes another: both paths are file-system sinks and the input goes through the GGUF parser",
                 names: ["llama_model_quantize"]),
        SinkRule(id: "llama.cpp/adapters", category: .modelLoad,
                 reason: "Attaches LoRA adapters or a control vector to a context: externally supplied weights steer generation",
                 names: ["llama_set_adapter_lora", "llama_set_adapters_lora", "llama_apply_adapter_cvec",
                         "llama_set_adapter_cvec",
                         // Older API (2024).
                         "llama_lora_adapter_set", "llama_control_vector_apply"]),
        SinkRule(id: "llama.cpp/decode", category: .inference,
                 reason: "Runs the model on a token batch: where (possibly attacker-controlled) prompt tokens are evaluated",
                 names: ["llama_decode", "llama_encode",
                         // Older and forked API (llama_eval until late 2023; gpt4all's and LocalAI's forks keep it).
                         "llama_eval", "llama_eval_embd", "llama_eval_export"]),
        SinkRule(id: "llama.cpp/tokenize", category: .tokenize,
                 reason: "Tokenizes text; with parse_special=true, untrusted text can inject control tokens (role and turn markers)",
                 names: ["llama_tokenize"]),
        SinkRule(id: "llama.cpp/detokenize", category: .tokenize,
                 reason: "Turns generated tokens back into text: untrusted model output leaves the model here",
                 names: ["llama_token_to_piece", "llama_detokenize",
                         // Older API (until mid-2023).
                         "llama_token_to_str"]),
        SinkRule(id: "llama.cpp/chat-template", category: .template,
                 reason: "Formats chat messages with a template: user text is spliced into the prompt next to role markers",
                 names: ["llama_chat_apply_template"]),
        SinkRule(id: "llama.cpp/model-chat-template", category: .template,
                 reason: "Reads the chat template stored in the model file: an untrusted model decides how prompts are formatted",
                 names: ["llama_model_chat_template"]),
        SinkRule(id: "llama.cpp/sample", category: .sampling,
                 reason: "Samples the next token from the logits: where generated output is chosen",
                 names: ["llama_sampler_sample",
                         // Older and forked API (before the sampler chain, 2023–2024).
                         "llama_sample_token", "llama_sample_token_greedy", "llama_sample_token_mirostat",
                         "llama_sample_token_mirostat_v2", "llama_sample_top_p_top_k"]),
        SinkRule(id: "llama.cpp/grammar", category: .sampling,
                 reason: "Parses a GBNF grammar string: untrusted grammar text reaches a recursive parser and constrains output",
                 names: ["llama_sampler_init_grammar", "llama_sampler_init_grammar_lazy",
                         // Older API: the GBNF text parser of common/ and the grammar sampler (2023–2024).
                         "grammar_parser::parse", "llama_grammar_init", "llama_sample_grammar",
                         "llama_sampler_init_grammar_lazy_patterns"]),
        SinkRule(id: "llama.cpp/embeddings", category: .embedding,
                 reason: "Reads embeddings computed from the input: vectors that may drive retrieval or similarity decisions",
                 names: ["llama_get_embeddings", "llama_get_embeddings_ith", "llama_get_embeddings_seq"]),

        // MARK: - llama.cpp common/ helpers (C++ free functions, global namespace)

        SinkRule(id: "llama.cpp/common-init", category: .modelLoad,
                 reason: "Loads the model, LoRA adapters and control vectors named in common_params and runs a warm-up decode: argv/env paths reach the loaders",
                 names: ["common_init_from_params",
                         // Older names of the same helper (common/ before the `common_` prefix, late 2024).
                         "llama_init_from_gpt_params"]),
        SinkRule(id: "llama.cpp/common-download", category: .network,
                 reason: "Downloads a model over HTTP(S) with an optional Hugging Face token: remote content becomes a local model file",
                 names: ["common_load_model_from_url", "common_load_model_from_hf", "common_get_hf_file",
                         "llama_load_model_from_url", "llama_load_model_from_hf"]),
        SinkRule(id: "llama.cpp/common-tokenize", category: .tokenize,
                 reason: "Tokenizes a std::string; parse_special=true lets untrusted text inject control tokens",
                 names: ["common_tokenize"]),
        SinkRule(id: "llama.cpp/common-detokenize", category: .tokenize,
                 reason: "Turns generated tokens back into a std::string: untrusted model output leaves the model here",
                 names: ["common_token_to_piece", "common_detokenize"]),
        SinkRule(id: "llama.cpp/common-chat-template", category: .template,
                 reason: "Renders the Jinja chat template (from the model or an override) over user messages and tools: prompt construction",
                 names: ["common_chat_templates_init", "common_chat_templates_apply", "common_chat_format_single",
                         "llama_chat_format_single",
                         "common_chat_templates_from_model", "common_chat_apply_template", "common_chat_params_init"]),
        SinkRule(id: "llama.cpp/minja", category: .template,
                 reason: "Parses and executes a Jinja template in the minja engine: template text, often from the model file, is interpreted",
                 names: ["minja::chat_template::apply", "minja::Parser::parse"]),
        SinkRule(id: "llama.cpp/common-sample", category: .sampling,
                 reason: "Builds the sampler chain (including the grammar from params) and samples tokens: where output is chosen and constrained",
                 names: ["common_sampler_init", "common_sampler_sample", "common_sampler_sample_and_accept_n",
                         // Older names (common/sampling.h: llama_sampling_* until mid-2024, gpt_sampler_* until late 2024).
                         "llama_sampling_init", "llama_sampling_sample", "gpt_sampler_init", "gpt_sampler_sample"]),
        SinkRule(id: "llama.cpp/control-vector", category: .modelLoad,
                 reason: "Loads control-vector GGUF files from paths: untrusted files are parsed and steer activations",
                 names: ["common_control_vector_load", "llama_control_vector_load"]),

        // MARK: - llama.cpp multimodal (examples/llava, tools/mtmd)

        SinkRule(id: "llama.cpp/multimodal-load", category: .modelLoad,
                 reason: "Loads a multimodal projector (mmproj GGUF): an untrusted file reaches the CLIP/vision model loader",
                 names: ["clip_model_load", "mtmd_init_from_file"]),
        SinkRule(id: "llama.cpp/multimodal-image", category: .inference,
                 reason: "Decodes an untrusted image (path or bytes) for the vision encoder: an image parser, then CLIP encoding",
                 names: ["llava_image_embed_make_with_filename", "llava_image_embed_make_with_bytes",
                         "mtmd_helper_bitmap_init_from_file", "mtmd_helper_bitmap_init_from_buf"]),
        SinkRule(id: "llama.cpp/multimodal-tokenize", category: .tokenize,
                 reason: "Splits a prompt with media markers into text and image chunks: user text and images meet the tokenizer",
                 names: ["mtmd_tokenize"]),
        SinkRule(id: "llama.cpp/multimodal-eval", category: .inference,
                 reason: "Evaluates image/text chunks in the language model: where untrusted media becomes model input",
                 names: ["mtmd_helper_eval_chunks", "llava_eval_image_embed"]),

        // MARK: - ggml (ggml/include, C)

        SinkRule(id: "ggml/graph-compute", category: .inference,
                 reason: "Computes a ggml graph on a backend: the inference step of every ggml-based model",
                 names: ["ggml_backend_graph_compute", "ggml_backend_graph_compute_async",
                         "ggml_backend_sched_graph_compute", "ggml_backend_sched_graph_compute_async",
                         "ggml_graph_compute", "ggml_graph_compute_with_ctx"]),
        SinkRule(id: "ggml/gguf-load", category: .modelLoad,
                 reason: "Parses a GGUF file or buffer: an untrusted file reaches a complex binary parser",
                 names: ["gguf_init_from_file", "gguf_init_from_file_ptr", "gguf_init_from_buffer",
                         "gguf_init_from_callback"]),
        SinkRule(id: "ggml/backend-load", category: .codeLoad,
                 reason: "dlopens backend shared libraries from a path or GGML_BACKEND_PATH: an attacker-influenced path means native code execution",
                 names: ["ggml_backend_load", "ggml_backend_load_all", "ggml_backend_load_all_from_path"]),

        // MARK: - whisper.cpp (include/whisper.h, include/parakeet.h, C)

        SinkRule(id: "whisper.cpp/model-load", category: .modelLoad,
                 reason: "Loads a whisper model from a path, buffer or loader: an untrusted file reaches the model parser",
                 names: ["whisper_init_from_file_with_params", "whisper_init_from_file_with_params_no_state",
                         "whisper_init_from_buffer_with_params", "whisper_init_from_buffer_with_params_no_state",
                         "whisper_init_with_params", "whisper_init_with_params_no_state",
                         "whisper_init_from_file", "whisper_init_from_file_no_state",
                         "whisper_init_from_buffer", "whisper_init_from_buffer_no_state",
                         "whisper_init", "whisper_init_no_state"]),
        SinkRule(id: "whisper.cpp/openvino-load", category: .modelLoad,
                 reason: "Loads an OpenVINO encoder model from a path (with device and cache dir): an untrusted model file and a writable cache path",
                 names: ["whisper_ctx_init_openvino_encoder", "whisper_ctx_init_openvino_encoder_with_state"]),
        SinkRule(id: "whisper.cpp/inference", category: .inference,
                 reason: "Runs speech recognition on audio; params.initial_prompt, prompt_tokens and grammar_rules are prompt inputs",
                 names: ["whisper_full", "whisper_full_with_state", "whisper_full_parallel",
                         "whisper_encode", "whisper_encode_with_state", "whisper_decode", "whisper_decode_with_state",
                         "whisper_pcm_to_mel", "whisper_pcm_to_mel_with_state",
                         // Older API: phase-vocoder mel and a caller-supplied mel spectrogram (until 2024).
                         "whisper_pcm_to_mel_phase_vocoder", "whisper_pcm_to_mel_phase_vocoder_with_state",
                         "whisper_set_mel", "whisper_set_mel_with_state",
                         "whisper_lang_auto_detect", "whisper_lang_auto_detect_with_state"]),
        SinkRule(id: "whisper.cpp/tokenize", category: .tokenize,
                 reason: "Tokenizes text (e.g. a prompt) with the speech model's vocabulary: untrusted text becomes prompt tokens",
                 names: ["whisper_tokenize", "parakeet_tokenize"]),
        SinkRule(id: "whisper.cpp/vad-load", category: .modelLoad,
                 reason: "Loads a voice-activity-detection model from a path: an untrusted file reaches the model parser",
                 names: ["whisper_vad_init_from_file_with_params", "whisper_vad_init_with_params"]),
        SinkRule(id: "whisper.cpp/vad-detect", category: .inference,
                 reason: "Runs voice-activity detection on audio samples: untrusted audio is evaluated by a model",
                 names: ["whisper_vad_detect_speech", "whisper_vad_detect_speech_no_reset",
                         "whisper_vad_segments_from_samples"]),
        SinkRule(id: "whisper.cpp/parakeet-load", category: .modelLoad,
                 reason: "Loads a Parakeet speech model from a path, buffer or loader: an untrusted file reaches the model parser",
                 names: ["parakeet_init_from_file_with_params", "parakeet_init_from_file_with_params_no_state",
                         "parakeet_init_from_buffer_with_params", "parakeet_init_from_buffer_with_params_no_state",
                         "parakeet_init_with_params", "parakeet_init_with_params_no_state"]),
        SinkRule(id: "whisper.cpp/parakeet-inference", category: .inference,
                 reason: "Runs Parakeet speech recognition on audio samples: untrusted audio is evaluated and text comes out",
                 names: ["parakeet_full", "parakeet_full_with_state", "parakeet_encode", "parakeet_encode_with_state",
                         "parakeet_pcm_to_mel", "parakeet_pcm_to_mel_with_state"]),

        // MARK: - stable-diffusion.cpp (include/stable-diffusion.h, C)

        SinkRule(id: "stable-diffusion.cpp/model-load", category: .modelLoad,
                 reason: "Creates a diffusion context: model, VAE, CLIP, T5 and LoRA paths in the params struct reach the model loaders",
                 names: ["new_sd_ctx"]),
        SinkRule(id: "stable-diffusion.cpp/generate", category: .inference,
                 reason: "Generates images or video from prompt/negative_prompt (and input images): the prompt reaches the model",
                 names: ["generate_image", "generate_video", "txt2img", "img2img", "img2vid"]),
        SinkRule(id: "stable-diffusion.cpp/upscaler-load", category: .modelLoad,
                 reason: "Loads an ESRGAN upscaler model from a path: an untrusted file reaches the model loader",
                 names: ["new_upscaler_ctx"]),

        // MARK: - ONNX Runtime (onnxruntime_c_api.h, onnxruntime_cxx_api.h)

        SinkRule(id: "onnxruntime/create-session", category: .modelLoad,
                 reason: "Creates a session from an ONNX model path or byte array: an untrusted model reaches the protobuf parser and graph loader",
                 names: ["OrtApi::CreateSession", "OrtApi::CreateSessionFromArray",
                         "OrtApi::CreateSessionWithPrepackedWeightsContainer",
                         "OrtApi::CreateSessionFromArrayWithPrepackedWeightsContainer",
                         "Ort::Session::Session"]),
        SinkRule(id: "onnxruntime/run", category: .inference,
                 reason: "Runs an ONNX session on input tensors: where caller data is evaluated by the model",
                 names: ["OrtApi::Run", "OrtApi::RunAsync", "OrtApi::RunWithBinding",
                         "Ort::detail::SessionImpl::Run", "Ort::detail::SessionImpl::RunAsync"]),
        SinkRule(id: "onnxruntime/custom-ops", category: .codeLoad,
                 reason: "Registers a custom-op shared library by path: dlopen of native code",
                 names: ["OrtApi::RegisterCustomOpsLibrary", "OrtApi::RegisterCustomOpsLibrary_V2",
                         "Ort::detail::SessionOptionsImpl::RegisterCustomOpsLibrary"]),
        SinkRule(id: "onnxruntime/execution-provider", category: .codeLoad,
                 reason: "Appends an execution provider, which loads its provider shared library: native code chosen by name and options",
                 // The per-provider C functions of the provider headers (`OrtSessionOptionsAppendExecutionProvider_CUDA`,
                 // `_Dnnl`, `_Tensorrt`, `_OpenVINO`, `_DML`, `_CoreML`, `_Nnapi`, …), older than the OrtApi fields.
                 patterns: ["^OrtApi::SessionOptionsAppendExecutionProvider", "^OrtSessionOptionsAppendExecutionProvider_",
                            "^Ort::detail::SessionOptionsImpl::AppendExecutionProvider"]),
        SinkRule(id: "onnxruntime/session-file-io", category: .modelLoad,
                 reason: "Sets paths the session reads external weights from or writes the optimized model / profile to: file read and write sinks",
                 names: ["OrtApi::AddExternalInitializers", "OrtApi::SetOptimizedModelFilePath", "OrtApi::EnableProfiling",
                         "Ort::detail::SessionOptionsImpl::AddExternalInitializers",
                         "Ort::detail::SessionOptionsImpl::SetOptimizedModelFilePath",
                         "Ort::detail::SessionOptionsImpl::EnableProfiling"]),

        // MARK: - onnxruntime-genai (ort_genai_c.h, ort_genai.h)

        SinkRule(id: "onnxruntime-genai/model-load", category: .modelLoad,
                 reason: "Loads a GenAI model (config, ONNX files, adapters) from a directory: untrusted files reach the config and model parsers",
                 names: ["OgaCreateModel", "OgaCreateModelWithRuntimeSettings", "OgaCreateModelFromConfig",
                         "OgaCreateConfig", "OgaLoadAdapter",
                         "OgaModel::Create", "OgaConfig::Create", "OgaAdapters::LoadAdapter"]),
        SinkRule(id: "onnxruntime-genai/tokenize", category: .tokenize,
                 reason: "Tokenizes prompt text: untrusted text becomes model input tokens",
                 names: ["OgaTokenizerEncode", "OgaTokenizerEncodeBatch", "OgaTokenizer::Encode", "OgaTokenizer::EncodeBatch"]),
        SinkRule(id: "onnxruntime-genai/chat-template", category: .template,
                 reason: "Applies a chat template to messages and tools JSON: user text is spliced into the prompt next to role markers",
                 names: ["OgaTokenizerApplyChatTemplate", "OgaTokenizer::ApplyChatTemplate"]),
        SinkRule(id: "onnxruntime-genai/generate", category: .inference,
                 reason: "Appends prompt tokens and generates: where the prompt is evaluated and output produced",
                 names: ["OgaGenerator_AppendTokens", "OgaGenerator_AppendTokenSequences", "OgaGenerator_GenerateNextToken",
                         "OgaGenerate", "OgaGenerator::AppendTokens", "OgaGenerator::AppendTokenSequences",
                         "OgaGenerator::GenerateNextToken"]),

        // MARK: - TensorFlow (tensorflow/c/c_api.h; C++ for reference)

        SinkRule(id: "tensorflow/saved-model-load", category: .modelLoad,
                 reason: "Loads a SavedModel directory: untrusted protobufs and checkpoints are parsed into a runnable graph",
                 names: ["TF_LoadSessionFromSavedModel", "tensorflow::LoadSavedModel"]),
        SinkRule(id: "tensorflow/graph-import", category: .modelLoad,
                 reason: "Imports a serialized GraphDef and creates a session for it: an untrusted graph is parsed and made runnable",
                 names: ["TF_GraphImportGraphDef", "TF_GraphImportGraphDefWithResults",
                         "TF_GraphImportGraphDefWithReturnOutputs", "TF_NewSession"]),
        SinkRule(id: "tensorflow/session-run", category: .inference,
                 reason: "Runs a TensorFlow session on input tensors: where caller data is evaluated by the graph",
                 names: ["TF_SessionRun", "TF_SessionPRun", "TF_Run", "tensorflow::Session::Run"]),
        SinkRule(id: "tensorflow/load-library", category: .codeLoad,
                 reason: "Loads an op/kernel shared library by filename: dlopen of native code",
                 names: ["TF_LoadLibrary"]),

        // MARK: - TensorFlow Lite (lite/core/c/c_api.h; C++ model builder and interpreter)

        SinkRule(id: "tflite/model-load", category: .modelLoad,
                 reason: "Builds a TFLite model from a file or buffer: an untrusted flatbuffer is parsed (BuildFromBuffer is unsafe on untrusted input)",
                 names: ["TfLiteModelCreateFromFile", "TfLiteModelCreateFromFileWithErrorReporter",
                         "TfLiteModelCreate", "TfLiteModelCreateWithErrorReporter",
                         "tflite::impl::FlatBufferModelBase::BuildFromFile",
                         "tflite::impl::FlatBufferModelBase::BuildFromBuffer",
                         "tflite::impl::FlatBufferModelBase::VerifyAndBuildFromFile",
                         "tflite::impl::FlatBufferModelBase::VerifyAndBuildFromBuffer",
                         "tflite::impl::FlatBufferModel::BuildFromFile",
                         "tflite::impl::FlatBufferModel::BuildFromBuffer",
                         "tflite::impl::FlatBufferModel::VerifyAndBuildFromFile",
                         "tflite::impl::FlatBufferModel::VerifyAndBuildFromBuffer",
                         "tflite::FlatBufferModel::BuildFromFile",
                         "tflite::FlatBufferModel::BuildFromBuffer",
                         "tflite::FlatBufferModel::VerifyAndBuildFromFile",
                         "tflite::FlatBufferModel::VerifyAndBuildFromBuffer"]),
        SinkRule(id: "tflite/interpreter-build", category: .modelLoad,
                 reason: "Builds an interpreter from a loaded model: the model's operators and tensors are instantiated",
                 names: ["TfLiteInterpreterCreate",
                         "tflite::impl::InterpreterBuilder::operator()", "tflite::InterpreterBuilder::operator()"]),
        SinkRule(id: "tflite/invoke", category: .inference,
                 reason: "Allocates, delegates and invokes the TFLite interpreter: where input tensors are evaluated by the model",
                 names: ["TfLiteInterpreterInvoke", "TfLiteSignatureRunnerInvoke",
                         "tflite::impl::Interpreter::Invoke", "tflite::impl::Interpreter::AllocateTensors",
                         "tflite::impl::Interpreter::ModifyGraphWithDelegate", "tflite::impl::SignatureRunner::Invoke",
                         "tflite::Interpreter::Invoke", "tflite::Interpreter::AllocateTensors",
                         "tflite::Interpreter::ModifyGraphWithDelegate", "tflite::SignatureRunner::Invoke"]),
        SinkRule(id: "tflite/set-input", category: .inference,
                 reason: "Copies caller bytes into a model input tensor: where untrusted data enters the model",
                 names: ["TfLiteTensorCopyFromBuffer"]),

        // MARK: - LibTorch

        SinkRule(id: "libtorch/load", category: .modelLoad,
                 reason: "Loads a TorchScript archive, serialized tensors or a pickle: untrusted zip + pickle data is deserialized",
                 names: ["torch::jit::load", "torch::load", "torch::pickle_load", "torch::jit::pickle_load",
                         "torch::jit::unpickle", "torch::jit::_load_for_mobile",
                         "torch::inductor::AOTIModelPackageLoader::AOTIModelPackageLoader"]),
        SinkRule(id: "libtorch/forward", category: .inference,
                 reason: "Runs a TorchScript module or method (or an AOTInductor package): where inputs are evaluated by the model",
                 names: ["torch::jit::Module::forward", "torch::jit::Object::run_method", "torch::jit::Object::get_method",
                         "torch::jit::Method::operator()", "torch::inductor::AOTIModelPackageLoader::run"]),

        // MARK: - OpenVINO (openvino/runtime/core.hpp, openvino/c/*.h, OpenVINO GenAI)

        SinkRule(id: "openvino/read-model", category: .modelLoad,
                 reason: "Reads or imports a model (IR/ONNX/blob) from a path or memory: an untrusted model reaches the frontend parsers",
                 names: ["ov::Core::read_model", "ov::Core::import_model",
                         "ov_core_read_model", "ov_core_read_model_unicode", "ov_core_read_model_from_memory",
                         "ov_core_read_model_from_memory_buffer", "ov_core_import_model"]),
        SinkRule(id: "openvino/compile-model", category: .modelLoad,
                 reason: "Compiles a model (or a model path) for a device: loads the model and device plugins",
                 names: ["ov::Core::compile_model", "ov_core_compile_model", "ov_core_compile_model_from_file",
                         "ov_core_compile_model_from_file_unicode"]),
        SinkRule(id: "openvino/add-extension", category: .codeLoad,
                 reason: "Loads an extension shared library by path: dlopen of native code",
                 names: ["ov::Core::add_extension"]),
        SinkRule(id: "openvino/infer", category: .inference,
                 reason: "Creates and runs an inference request: where input tensors are evaluated by the model",
                 names: ["ov::CompiledModel::create_infer_request", "ov::InferRequest::infer", "ov::InferRequest::start_async",
                         "ov_compiled_model_create_infer_request", "ov_infer_request_infer",
                         "ov_infer_request_start_async"]),
        SinkRule(id: "openvino/genai-pipeline", category: .modelLoad,
                 reason: "Creates an LLM pipeline from a models directory: untrusted model, tokenizer and template files are loaded",
                 names: ["ov::genai::LLMPipeline::LLMPipeline"]),
        SinkRule(id: "openvino/genai-generate", category: .inference,
                 reason: "Generates text from a prompt with the LLM pipeline: the prompt reaches the model, output comes back",
                 names: ["ov::genai::LLMPipeline::generate", "ov::genai::LLMPipeline::operator()"]),

        // MARK: - TensorRT (NvInferRuntime.h, NvOnnxParser.h)

        SinkRule(id: "tensorrt/runtime-load", category: .modelLoad,
                 reason: "Deserializes a TensorRT engine blob: an untrusted plan file is parsed and may carry plugins",
                 names: ["nvinfer1::createInferRuntime", "nvinfer1::IRuntime::deserializeCudaEngine"],
                 // createInferRuntime is declared inside an unnamed namespace in NvInferRuntime.h.
                 patterns: [#"^nvinfer1::\(anonymous namespace\)::createInferRuntime$"#]),
        SinkRule(id: "tensorrt/onnx-parse", category: .modelLoad,
                 reason: "Parses an ONNX model from a file or buffer into a TensorRT network: an untrusted protobuf is parsed",
                 names: ["nvonnxparser::IParser::parseFromFile", "nvonnxparser::IParser::parse"]),
        SinkRule(id: "tensorrt/execute", category: .inference,
                 reason: "Creates an execution context and enqueues/executes the engine: where input buffers are evaluated",
                 names: ["nvinfer1::ICudaEngine::createExecutionContext", "nvinfer1::IExecutionContext::enqueueV3",
                         "nvinfer1::IExecutionContext::executeV2", "nvinfer1::IExecutionContext::enqueueV2"]),
        SinkRule(id: "tensorrt/plugin-load", category: .codeLoad,
                 reason: "Loads a plugin shared library by path: dlopen of native code",
                 names: ["nvinfer1::IPluginRegistry::loadLibrary"]),

        // MARK: - Triton C++ client (src/c++/library, triton::client)

        SinkRule(id: "triton/http-client", category: .network,
                 reason: "Connects to or sends inference requests to a Triton server over HTTP: data leaves the process to a configurable URL",
                 names: ["triton::client::InferenceServerHttpClient::Create",
                         "triton::client::InferenceServerHttpClient::Infer",
                         "triton::client::InferenceServerHttpClient::AsyncInfer",
                         "triton::client::InferenceServerHttpClient::InferMulti",
                         "triton::client::InferenceServerHttpClient::AsyncInferMulti"]),
        SinkRule(id: "triton/grpc-client", category: .network,
                 reason: "Connects to or sends inference requests to a Triton server over gRPC: data leaves the process to a configurable URL",
                 names: ["triton::client::InferenceServerGrpcClient::Create",
                         "triton::client::InferenceServerGrpcClient::Infer",
                         "triton::client::InferenceServerGrpcClient::AsyncInfer",
                         "triton::client::InferenceServerGrpcClient::InferMulti",
                         "triton::client::InferenceServerGrpcClient::AsyncInferMulti",
                         "triton::client::InferenceServerGrpcClient::StartStream",
                         "triton::client::InferenceServerGrpcClient::AsyncStreamInfer"]),

        // MARK: - OpenCV DNN (opencv2/dnn/dnn.hpp; resolved names carry an inline dnn4_vYYYYMMDD namespace)

        SinkRule(id: "opencv-dnn/read-net", category: .modelLoad,
                 reason: "Reads a network (ONNX, TF, Caffe, Darknet, Torch, TFLite, IR) from a path or buffer: an untrusted model reaches the importers",
                 names: ["cv::dnn::readNet", "cv::dnn::readNetFromONNX", "cv::dnn::readNetFromTensorflow",
                         "cv::dnn::readNetFromCaffe", "cv::dnn::readNetFromDarknet", "cv::dnn::readNetFromTorch",
                         "cv::dnn::readNetFromTFLite", "cv::dnn::readNetFromModelOptimizer"],
                 patterns: [#"^cv::dnn::dnn4_v[0-9]+::readNet(From(ONNX|Tensorflow|Caffe|Darknet|Torch|TFLite|ModelOptimizer))?$"#]),
        SinkRule(id: "opencv-dnn/forward", category: .inference,
                 reason: "Sets the input blob and runs the network forward: where caller data is evaluated by the model",
                 names: ["cv::dnn::Net::forward", "cv::dnn::Net::forwardAsync", "cv::dnn::Net::setInput"],
                 patterns: [#"^cv::dnn::dnn4_v[0-9]+::Net::(forward|forwardAsync|setInput)$"#]),
        SinkRule(id: "opencv-dnn/model-predict", category: .inference,
                 reason: "Runs a high-level DNN model (predict, detect, classify, recognize) on an image: where input is evaluated",
                 names: ["cv::dnn::Model::predict", "cv::dnn::DetectionModel::detect",
                         "cv::dnn::ClassificationModel::classify", "cv::dnn::TextRecognitionModel::recognize"],
                 patterns: [#"^cv::dnn::dnn4_v[0-9]+::(Model::predict|DetectionModel::detect|ClassificationModel::classify|TextRecognitionModel::recognize)$"#]),

        // MARK: - olrea/openai-cpp (include/openai/openai.hpp; everything resolves under openai::_detail)

        SinkRule(id: "openai-cpp/client-init", category: .network,
                 reason: "Creates the OpenAI client: the API key and base URL (OPENAI_API_BASE) are fixed here; a chosen base URL leaks the key",
                 names: ["openai::_detail::start", "openai::_detail::OpenAI::OpenAI"]),
        SinkRule(id: "openai-cpp/request", category: .network,
                 reason: "Sends a request to the hosted OpenAI API: prompt data leaves the process and the reply is untrusted model output",
                 names: ["openai::_detail::CategoryChat::create", "openai::_detail::CategoryCompletion::create",
                         "openai::_detail::CategoryEdit::create", "openai::_detail::CategoryEmbedding::create",
                         "openai::_detail::CategoryImage::create", "openai::_detail::CategoryImage::edit",
                         "openai::_detail::CategoryImage::variation",
                         "openai::_detail::CategoryAudio::transcribe", "openai::_detail::CategoryAudio::translate",
                         "openai::_detail::CategoryModeration::create", "openai::_detail::CategoryAssistants::create",
                         "openai::_detail::CategoryThreads::create", "openai::_detail::CategoryThreads::createMessage",
                         "openai::_detail::CategoryThreads::createRun", "openai::_detail::CategoryThreads::createThreadAndRun",
                         "openai::_detail::CategoryFile::upload", "openai::_detail::CategoryFineTune::create"]),
        SinkRule(id: "openai-cpp/transport", category: .network,
                 reason: "Low-level HTTP call to the OpenAI API via libcurl: covers endpoints not listed one by one",
                 names: ["openai::_detail::OpenAI::post", "openai::_detail::OpenAI::get", "openai::_detail::OpenAI::del",
                         "openai::_detail::post", "openai::_detail::get", "openai::_detail::Session::makeRequest"]),

        // MARK: - D7EAD/liboai (liboai/include/components/*.h, namespace liboai)

        SinkRule(id: "liboai/request", category: .network,
                 reason: "Sends a request to the hosted OpenAI API: prompt data leaves the process and the reply is untrusted model output",
                 names: ["liboai::ChatCompletion::create", "liboai::ChatCompletion::create_async",
                         "liboai::Completions::create", "liboai::Completions::create_async",
                         "liboai::Edits::create", "liboai::Edits::create_async",
                         "liboai::Embeddings::create", "liboai::Embeddings::create_async",
                         "liboai::Images::create", "liboai::Images::create_async",
                         "liboai::Images::create_edit", "liboai::Images::create_edit_async",
                         "liboai::Images::create_variation", "liboai::Images::create_variation_async",
                         "liboai::Audio::transcribe", "liboai::Audio::transcribe_async",
                         "liboai::Audio::translate", "liboai::Audio::translate_async",
                         "liboai::Audio::speech", "liboai::Audio::speech_async",
                         "liboai::Moderations::create", "liboai::Moderations::create_async",
                         "liboai::Files::create", "liboai::Files::create_async",
                         "liboai::FineTunes::create", "liboai::FineTunes::create_async"]),
        SinkRule(id: "liboai/azure", category: .network,
                 reason: "Sends a request to an Azure OpenAI deployment: prompt data leaves the process to a configurable resource",
                 names: ["liboai::Azure::create_completion", "liboai::Azure::create_completion_async",
                         "liboai::Azure::create_embedding", "liboai::Azure::create_embedding_async",
                         "liboai::Azure::create_chat_completion", "liboai::Azure::create_chat_completion_async",
                         "liboai::Azure::request_image_generation", "liboai::Azure::request_image_generation_async"]),
        SinkRule(id: "liboai/transport", category: .network,
                 reason: "Low-level HTTP call to the OpenAI API via libcurl: covers endpoints not listed one by one",
                 names: ["liboai::Network::Request", "liboai::Network::RequestWithSession",
                         "liboai::netimpl::Get", "liboai::netimpl::Post", "liboai::netimpl::Delete",
                         "liboai::netimpl::Session::Get", "liboai::netimpl::Session::Post",
                         "liboai::netimpl::Session::Delete", "liboai::netimpl::Session::Perform"]),

        // MARK: - Hosted-LLM APIs through any HTTP client (libcurl, cpp-httplib, …)
        // The front-end turns a string literal holding a known endpoint (api.openai.com, api.anthropic.com,
        // generativelanguage.googleapis.com, /v1/chat/completions, …) into a node named by the URL; no C++ name
        // starts with "/" or contains "://", so this cannot match a function.
        SinkRule(id: "hosted-llm/endpoint", category: .network,
                 reason: "Names a hosted LLM API's URL: prompt data (and the API key) leave the process, and the reply is untrusted model output",
                 patterns: ["^(https?://|/)"]),
    ]
}
