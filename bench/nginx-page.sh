# Sourced by the load benchmarks: the baseline, nginx on loopback serving the bytes of $WORK/www/page.html for every path
# on port $NGINX_PORT (needs nginx: apt-get install nginx-light). Sets NGINX to its pid, for the caller's trap to stop.
serve_page_with_nginx() {
  mkdir -p "$WORK/www" "$WORK/nginx-tmp"
  cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/nginx-tmp/body;
    proxy_temp_path $WORK/nginx-tmp/proxy;
    fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
    scgi_temp_path $WORK/nginx-tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
        location / { default_type "text/html;charset=UTF-8"; try_files /page.html =404; }
    }
}
CONF
  nginx -c "$WORK/nginx.conf" -p "$WORK" &
  NGINX=$!
  sleep 1
  echo "nginx: $(nginx -v 2>&1), $(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes' "http://127.0.0.1:$NGINX_PORT/")"
}
